INSERT INTO scene_segments (job_id, scene_index, status, source, duration_seconds)
VALUES (CAST(:#${exchangeProperty.jobId} AS uuid), :#${exchangeProperty.scene.index}, 'running', :#${exchangeProperty.plan.provider}, :#${exchangeProperty.scene.duration})
ON CONFLICT (job_id, scene_index) DO UPDATE
SET status = 'running', source = EXCLUDED.source, error = NULL, updated_at = now()
