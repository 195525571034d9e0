-- A merged video belongs to the soundtrack it was made from: a new soundtrack forgets it (its large object is
-- unlinked by the table's trigger).
DELETE FROM merged_videos WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid)
