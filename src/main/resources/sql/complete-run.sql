-- Ends the run as completed (only the instance holding it may) and, in the same statement, queues its
-- run.completed webhook when the run asked for one.
WITH ended AS (
    UPDATE jobs SET status = 'completed', stage = 'done', error = NULL, finished_at = now(), updated_at = now(),
        completed_by = lease_owner,
        note = coalesce(:#${exchangeProperty.databaseWait.note()}, note), lease_owner = NULL, lease_expires_at = NULL
    WHERE id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND lease_owner = :#${exchangeProperty.run.instanceId}
    RETURNING id, webhook_url, webhook_events
)
INSERT INTO webhook_deliveries (job_id, event, url)
SELECT id, 'run.completed', webhook_url FROM ended WHERE 'run.completed' = ANY (webhook_events)
