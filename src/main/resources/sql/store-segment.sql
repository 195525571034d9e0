UPDATE scene_segments
SET status = :#${body.status}, source = :#${body.source}, audio = :#${body.audio},
    audio_format = 'flac', continuation_url = :#${body.continuationUrl},
    continuation_seconds = :#${body.continuationSeconds},
    musical_context = CAST(:#${body.musicalContext} AS jsonb), error = :#${body.error},
    cue = CAST(:#${body.cueJson} AS jsonb),
    updated_at = now()
WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${body.index}
