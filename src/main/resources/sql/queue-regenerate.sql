-- Queues a run that makes scenes again (variable regeneration) unless a run is already queued or running (no row
-- back then). The scene's new words go into the storyboard (an edit that stays for later runs); the stored pieces of
-- the scenes to make again are forgotten in the same statement, the others are kept for the join. The job's
-- audio_params stay those of its last run; a seed given for the scene is the run's own (jobs.regenerate).
WITH queued AS (
    UPDATE jobs
    SET status = 'queued', stage = NULL, note = NULL, error = NULL, cancel_requested = false, completed_by = NULL,
        storyboard = jsonb_set(storyboard, ARRAY['scenes', CAST(:#${variable.regeneration.scene} AS text)],
                               (storyboard -> 'scenes' -> CAST(:#${variable.regeneration.scene} AS integer))
                               || CAST(:#${variable.regeneration.overridesJson} AS jsonb)),
        regenerate = CAST(:#${variable.regeneration.json} AS jsonb),
        webhook_url = :#${variable.regenerateRequest.webhookUrl()},
        webhook_events = string_to_array(:#${variable.regenerateRequest.webhookEvents()}, ','),
        queued_at = now(), started_at = NULL, finished_at = NULL, lease_owner = NULL, lease_expires_at = NULL,
        updated_at = now()
    WHERE id = CAST(:#${variable.jobId} AS uuid) AND status NOT IN ('queued', 'running')
    RETURNING id
), forgotten AS (
    DELETE FROM scene_segments
    WHERE job_id IN (SELECT id FROM queued)
      AND scene_index IN (SELECT CAST(jsonb_array_elements_text(CAST(:#${variable.regeneration.json} AS jsonb) -> 'scenes') AS integer))
)
SELECT id FROM queued
