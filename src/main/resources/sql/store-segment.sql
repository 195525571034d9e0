-- Stores a finished scene (its music, or silence) and, in the same statement, queues its scene.completed webhook
-- when the run asked for that event. Answers how many scenes it stored: 0 when the scene's row is gone (with its job).
-- Run by MusicStore in the transaction that wrote the segment as a large object, with these parameters in order:
-- status, source, the large object, continuation URL, continuation seconds, musical context (JSON), error, cue
-- (JSON), the job's id, the scene's index.
WITH stored AS (
    UPDATE scene_segments
    SET status = ?, source = ?, content = CAST(? AS oid),
        audio_format = 'wav', continuation_url = ?,
        continuation_seconds = ?,
        musical_context = CAST(? AS jsonb), error = ?,
        cue = CAST(? AS jsonb),
        updated_at = now()
    WHERE job_id = CAST(? AS uuid) AND scene_index = ?
    RETURNING job_id, scene_index
), queued AS (
    INSERT INTO webhook_deliveries (job_id, event, scene_index, url)
    SELECT j.id, 'scene.completed', s.scene_index, j.webhook_url
    FROM stored s JOIN jobs j ON j.id = s.job_id
    WHERE 'scene.completed' = ANY (j.webhook_events)
)
SELECT count(*) FROM stored
