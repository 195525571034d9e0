SELECT prediction_id FROM scene_segments
WHERE job_id = CAST(:#${variable.jobId} AS uuid) AND status = 'running' AND prediction_id IS NOT NULL
