-- Deletes a job unless a run of it is queued or running; its rows go with it (ON DELETE CASCADE) and the triggers
-- of source_videos and merged_videos unlink their large objects. No row: no such job; deleted false: a run is active.
WITH found AS (
    SELECT id, status FROM jobs WHERE id = CAST(:#${variable.jobId} AS uuid)
), deleted AS (
    DELETE FROM jobs WHERE id = CAST(:#${variable.jobId} AS uuid) AND status NOT IN ('queued', 'running') RETURNING id
)
SELECT f.status, d.id IS NOT NULL AS deleted FROM found f LEFT JOIN deleted d ON d.id = f.id
