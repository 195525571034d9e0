SELECT id, video_name, video_url, storyboard::text AS storyboard, audio_params::text AS audio_params,
       status, stage, error, created_at, updated_at
FROM jobs WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid)
