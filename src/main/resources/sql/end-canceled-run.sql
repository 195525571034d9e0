-- Ends a run whose cancel was asked for; the scene caught mid-way is marked failed.
WITH scene AS (
    UPDATE scene_segments SET status = 'failed', error = 'canceled', updated_at = now()
    WHERE job_id = CAST(:#${variable.jobId} AS uuid) AND status = 'running'
)
UPDATE jobs SET status = 'canceled', error = 'canceled on request', finished_at = now(), updated_at = now(),
    lease_owner = NULL, lease_expires_at = NULL
WHERE id = CAST(:#${variable.jobId} AS uuid) AND status = 'running' AND lease_owner = :#${bean:runSlots?method=instanceId}
