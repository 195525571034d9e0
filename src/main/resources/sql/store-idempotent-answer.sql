INSERT INTO idempotency_keys (key, request_sha256, job_id, status, body)
VALUES (:#${exchangeProperty.idempotencyKey}, :#${exchangeProperty.requestSha256}, CAST(:#${exchangeProperty.jobId} AS uuid), 202, :#${body})
ON CONFLICT (key) DO NOTHING
