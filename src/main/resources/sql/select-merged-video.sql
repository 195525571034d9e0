-- The job's status with its merged video, if any: no row means no such job.
SELECT j.status, m.content, m.size_bytes, m.etag, m.error
FROM jobs j LEFT JOIN merged_videos m ON m.job_id = j.id
WHERE j.id = CAST(:#${variable.jobId} AS uuid)
