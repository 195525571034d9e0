SELECT format, duration_seconds, size_bytes, etag
FROM soundtracks WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid)
