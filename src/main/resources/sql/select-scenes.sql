SELECT scene_index, status, source, prediction_id, duration_seconds, error
FROM scene_segments WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid) ORDER BY scene_index
