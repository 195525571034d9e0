-- What the status document says about a job's videos: the source it has, and the merged one or why not.
SELECT s.file_name AS source_file_name, s.content_type AS source_content_type, s.size_bytes AS source_size_bytes,
       s.sha256 AS source_sha256, s.duration_seconds AS source_duration_seconds, s.frame_rate AS source_frame_rate,
       s.job_id IS NOT NULL AS has_source,
       m.content IS NOT NULL AS merged, m.size_bytes, m.duration_seconds, m.error, m.job_id IS NOT NULL AS merge_attempted
FROM jobs j
LEFT JOIN source_videos s ON s.job_id = j.id
LEFT JOIN merged_videos m ON m.job_id = j.id
WHERE j.id = CAST(:#${exchangeProperty.jobId} AS uuid)
