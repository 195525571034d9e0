-- Stores a finished scene (its music, or silence) and, in the same statement, queues its scene.completed webhook
-- when the run asked for that event.
WITH stored AS (
    UPDATE scene_segments
    SET status = :#${body.status}, source = :#${body.source}, audio = :#${body.audio},
        audio_format = 'wav', continuation_url = :#${body.continuationUrl},
        continuation_seconds = :#${body.continuationSeconds},
        musical_context = CAST(:#${body.musicalContext} AS jsonb), error = :#${body.error},
        cue = CAST(:#${body.cueJson} AS jsonb),
        updated_at = now()
    WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${body.index}
    RETURNING job_id, scene_index
)
INSERT INTO webhook_deliveries (job_id, event, scene_index, url)
SELECT j.id, 'scene.completed', s.scene_index, j.webhook_url
FROM stored s JOIN jobs j ON j.id = s.job_id
WHERE 'scene.completed' = ANY (j.webhook_events)
