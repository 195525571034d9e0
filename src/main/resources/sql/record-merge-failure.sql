-- The run's version has no merged video: the reason instead.
INSERT INTO merged_videos (job_id, version, content, error)
VALUES (CAST(:#${exchangeProperty.run.jobId} AS uuid), :#${exchangeProperty.run.version}, NULL, :#${body})
ON CONFLICT (job_id, version) DO UPDATE SET content = NULL, size_bytes = NULL, sha256 = NULL, etag = NULL,
    duration_seconds = NULL, error = EXCLUDED.error, created_at = now()
