-- The stored job a run request names (variable jobId): its storyboard, which the run's parameters are checked against.
SELECT id, status, storyboard::text AS storyboard FROM jobs WHERE id = CAST(:#${variable.jobId} AS uuid)
