INSERT INTO soundtracks (job_id, format, audio, duration_seconds, size_bytes, etag)
VALUES (CAST(:#${exchangeProperty.jobId} AS uuid), :#${exchangeProperty.plan.params.outputFormat}, :#${body},
        :#${exchangeProperty.durationSeconds}, :#${exchangeProperty.sizeBytes}, :#${exchangeProperty.etag})
ON CONFLICT (job_id) DO UPDATE
SET format = EXCLUDED.format, audio = EXCLUDED.audio, duration_seconds = EXCLUDED.duration_seconds,
    size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag, created_at = now()
