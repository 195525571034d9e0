SELECT audio FROM scene_segments WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${body[scene_index]}
