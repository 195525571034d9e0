UPDATE scene_segments
SET status = :#${exchangeProperty.sceneStatus}, source = :#${exchangeProperty.sceneSource}, audio = :#${body},
    audio_format = 'flac', continuation_url = :#${exchangeProperty.continuationUrl},
    continuation_seconds = :#${exchangeProperty.continuationSeconds},
    musical_context = CAST(:#${exchangeProperty.musicalContextJson} AS jsonb), error = :#${exchangeProperty.sceneError},
    updated_at = now()
WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid) AND scene_index = :#${exchangeProperty.scene.index}
