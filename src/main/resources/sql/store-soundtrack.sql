INSERT INTO soundtracks (job_id, format, audio, duration_seconds, size_bytes, etag)
VALUES (CAST(:#${exchangeProperty.run.jobId} AS uuid), :#${body.format}, :#${body.audio},
        :#${body.durationSeconds}, :#${body.sizeBytes}, :#${body.etag})
ON CONFLICT (job_id) DO UPDATE
SET format = EXCLUDED.format, audio = EXCLUDED.audio, duration_seconds = EXCLUDED.duration_seconds,
    size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag, created_at = now()
