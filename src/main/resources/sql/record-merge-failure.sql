INSERT INTO merged_videos (job_id, content, error)
VALUES (CAST(:#${exchangeProperty.run.jobId} AS uuid), NULL, :#${body})
ON CONFLICT (job_id) DO UPDATE SET content = NULL, size_bytes = NULL, sha256 = NULL, etag = NULL,
    duration_seconds = NULL, error = EXCLUDED.error, created_at = now()
