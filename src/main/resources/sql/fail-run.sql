-- Ends a run as failed with its reason; a scene caught mid-way is marked failed with it. Only the instance
-- holding the run may end it.
WITH scene AS (
    UPDATE scene_segments SET status = 'failed', error = :#${body}, updated_at = now()
    WHERE job_id = CAST(:#${variable.jobId} AS uuid) AND status = 'running'
)
UPDATE jobs SET status = 'failed', error = :#${body}, finished_at = now(), updated_at = now(),
    lease_owner = NULL, lease_expires_at = NULL
WHERE id = CAST(:#${variable.jobId} AS uuid) AND status = 'running' AND lease_owner = :#${bean:runSlots?method=instanceId}
