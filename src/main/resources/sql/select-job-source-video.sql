-- The source video of the job a request names (variable jobId), if it has one.
SELECT content, file_name, content_type, size_bytes, sha256, duration_seconds, frame_rate
FROM source_videos WHERE job_id = CAST(:#${variable.jobId} AS uuid)
