INSERT INTO idempotency_keys (key, request_sha256, job_id, status, body)
VALUES (:#${variable.idempotency.key}, :#${variable.idempotency.sha256}, CAST(:#${variable.jobId} AS uuid), 202, :#${body})
ON CONFLICT (key) DO NOTHING
