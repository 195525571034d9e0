-- Queues a run unless one is already queued or running (no row back then), and forgets the scenes of
-- the previous run in the same statement, so that a dispatcher never sees the new run with old scenes.
-- The run's webhook (receiver and events; none: null) is stored with it.
WITH queued AS (
    UPDATE jobs
    SET status = 'queued', stage = NULL, note = NULL, error = NULL, cancel_requested = false, completed_by = NULL,
        audio_params = CAST(:#${variable.runRequest.paramsJson} AS jsonb),
        webhook_url = :#${variable.runRequest.webhookUrl()},
        webhook_events = string_to_array(:#${variable.runRequest.webhookEvents()}, ','),
        queued_at = now(), started_at = NULL, finished_at = NULL, lease_owner = NULL, lease_expires_at = NULL,
        updated_at = now()
    WHERE id = CAST(:#${variable.jobId} AS uuid) AND status NOT IN ('queued', 'running')
    RETURNING id
), forgotten AS (
    DELETE FROM scene_segments WHERE job_id IN (SELECT id FROM queued)
)
SELECT id FROM queued
