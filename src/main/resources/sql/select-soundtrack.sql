-- The job's status with its soundtrack, if any: no row means no such job.
SELECT j.status, s.format, s.audio, s.size_bytes, s.etag
FROM jobs j LEFT JOIN soundtracks s ON s.job_id = j.id
WHERE j.id = CAST(:#${variable.jobId} AS uuid)
