-- The job's status with the soundtrack of a version (variable version; null: the latest), if any: no row means no
-- such job; content null: no such version (or none yet). latest: the job's latest version (null: none yet).
SELECT j.status, s.version, s.format, s.content, s.size_bytes, s.etag, l.latest
FROM jobs j
CROSS JOIN LATERAL (SELECT max(x.version) AS latest FROM soundtracks x WHERE x.job_id = j.id) l
LEFT JOIN soundtracks s ON s.job_id = j.id AND s.version = coalesce(CAST(:#${variable.version} AS integer), l.latest)
WHERE j.id = CAST(:#${variable.jobId} AS uuid)
