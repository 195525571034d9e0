-- The scene as an interrupted attempt left it (status running), with the prediction it was waiting for, if any.
SELECT prediction_id, prediction_index FROM scene_segments
WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${body.index}
  AND status = 'running'
