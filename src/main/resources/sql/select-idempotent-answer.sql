SELECT request_sha256, job_id, status, body FROM idempotency_keys WHERE key = :#${variable.idempotency.key}
