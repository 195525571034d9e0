UPDATE jobs SET status = 'completed', stage = 'done', error = NULL, finished_at = now(), updated_at = now(),
    lease_owner = NULL, lease_expires_at = NULL
WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid)
