-- A queued run is canceled at once; a running one is asked to stop (its instance ends it canceled).
UPDATE jobs
SET cancel_requested = true, updated_at = now(),
    status = CASE WHEN status = 'queued' THEN 'canceled' ELSE status END,
    error = CASE WHEN status = 'queued' THEN 'canceled on request' ELSE error END,
    finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
WHERE id = CAST(:#${variable.jobId} AS uuid) AND status IN ('queued', 'running')
RETURNING status
