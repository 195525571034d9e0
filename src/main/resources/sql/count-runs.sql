-- The run gauges of /observe/metrics: runs waiting, runs held under a live lease, runs whose lease ran out (waiting
-- to be taken over). Reads only the rows of the partial index jobs_waiting.
SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
       count(*) FILTER (WHERE status = 'running' AND lease_expires_at >= now()) AS leased,
       count(*) FILTER (WHERE status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < now())) AS expired
FROM jobs
WHERE status IN ('queued', 'running')
