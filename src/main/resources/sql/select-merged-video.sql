-- The job's status with the merged video of a version (variable version; null: the latest), if any: no row means
-- no such job; version null: no such version. latest: the job's latest version (null: none yet).
SELECT j.status, s.version, m.content, m.size_bytes, m.etag, m.error, l.latest
FROM jobs j
CROSS JOIN LATERAL (SELECT max(x.version) AS latest FROM soundtracks x WHERE x.job_id = j.id) l
LEFT JOIN soundtracks s ON s.job_id = j.id AND s.version = coalesce(CAST(:#${variable.version} AS integer), l.latest)
LEFT JOIN merged_videos m ON m.job_id = s.job_id AND m.version = s.version
WHERE j.id = CAST(:#${variable.jobId} AS uuid)
