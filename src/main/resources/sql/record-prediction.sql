-- The prediction a scene waits for is stored before polling starts, so that it can be found again.
UPDATE scene_segments SET prediction_id = :#${variable.chain.prediction.id}, prediction_index = :#${variable.chain.current},
    updated_at = now()
WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${variable.scene.index}
