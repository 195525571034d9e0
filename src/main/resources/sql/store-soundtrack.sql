INSERT INTO soundtracks (job_id, format, audio, duration_seconds, size_bytes, etag,
                         loudness_integrated, loudness_true_peak, loudness_range)
VALUES (CAST(:#${exchangeProperty.run.jobId} AS uuid), :#${body.format}, :#${body.audio},
        :#${body.durationSeconds}, :#${body.sizeBytes}, :#${body.etag},
        :#${body.integratedLufs}, :#${body.truePeakDbtp}, :#${body.rangeLu})
ON CONFLICT (job_id) DO UPDATE
SET format = EXCLUDED.format, audio = EXCLUDED.audio, duration_seconds = EXCLUDED.duration_seconds,
    size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag, loudness_integrated = EXCLUDED.loudness_integrated,
    loudness_true_peak = EXCLUDED.loudness_true_peak, loudness_range = EXCLUDED.loudness_range, created_at = now()
