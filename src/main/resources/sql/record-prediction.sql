-- The prediction a scene waits for is stored before polling starts, so that it can be found again.
UPDATE scene_segments SET prediction_id = :#${exchangeProperty.prediction.id()}, prediction_index = :#${exchangeProperty.generationIndex},
    updated_at = now()
WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid) AND scene_index = :#${exchangeProperty.scene.index()}
