-- The prediction a scene was waiting for when its run was interrupted, if any.
SELECT prediction_id, prediction_index FROM scene_segments
WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid) AND scene_index = :#${exchangeProperty.scene.index}
  AND status = 'running' AND prediction_id IS NOT NULL
