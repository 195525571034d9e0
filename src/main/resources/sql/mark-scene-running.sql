INSERT INTO scene_segments (job_id, scene_index, status, source, duration_seconds)
VALUES (CAST(:#${exchangeProperty.run.jobId} AS uuid), :#${body.index}, 'running', :#${exchangeProperty.run.provider}, :#${body.scene.duration})
ON CONFLICT (job_id, scene_index) DO UPDATE
SET status = 'running', source = EXCLUDED.source, error = NULL, updated_at = now()
