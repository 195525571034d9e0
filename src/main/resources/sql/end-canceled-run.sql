-- Ends a run whose cancel was asked for; the scene caught mid-way is marked failed. Its run.canceled webhook,
-- when it asked for one, is queued in the same statement. Only the instance holding the run ends it.
WITH scene AS (
    UPDATE scene_segments SET status = 'failed', error = 'canceled', updated_at = now()
    WHERE job_id = CAST(:#${variable.jobId} AS uuid) AND status = 'running'
      AND EXISTS (SELECT 1 FROM jobs WHERE id = CAST(:#${variable.jobId} AS uuid) AND status = 'running'
                  AND lease_owner = :#${bean:runSlots?method=instanceId})
), ended AS (
    UPDATE jobs SET status = 'canceled', error = 'canceled on request', finished_at = now(), updated_at = now(),
        lease_owner = NULL, lease_expires_at = NULL
    WHERE id = CAST(:#${variable.jobId} AS uuid) AND status = 'running' AND lease_owner = :#${bean:runSlots?method=instanceId}
    RETURNING id, webhook_url, webhook_events
)
INSERT INTO webhook_deliveries (job_id, event, url)
SELECT id, 'run.canceled', webhook_url FROM ended WHERE 'run.canceled' = ANY (webhook_events)
