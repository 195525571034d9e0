-- The scenes a run already finished: a run taken over resumes after them.
SELECT scene_index, status, source, continuation_url, continuation_seconds, musical_context::text AS musical_context, content
FROM scene_segments
WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND status IN ('completed', 'silence') AND content IS NOT NULL
ORDER BY scene_index
