-- A queued run is canceled at once (with its run.canceled webhook queued in the same statement, when it asked
-- for one); a running one is asked to stop (its instance ends it canceled).
WITH asked AS (
    UPDATE jobs
    SET cancel_requested = true, updated_at = now(),
        status = CASE WHEN status = 'queued' THEN 'canceled' ELSE status END,
        error = CASE WHEN status = 'queued' THEN 'canceled on request' ELSE error END,
        finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
    WHERE id = CAST(:#${variable.jobId} AS uuid) AND status IN ('queued', 'running')
    RETURNING id, status, webhook_url, webhook_events
), webhook AS (
    INSERT INTO webhook_deliveries (job_id, event, url)
    SELECT id, 'run.canceled', webhook_url FROM asked WHERE status = 'canceled' AND 'run.canceled' = ANY (webhook_events)
)
SELECT status FROM asked
