SELECT format, audio, size_bytes, etag
FROM soundtracks WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid)
