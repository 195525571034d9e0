-- Takes the dropped jobs whose outbox files are behind the job (it or one of its scenes changed since they were
-- written) for this instance to write, unless another instance is writing them now. A claim runs out, so the
-- files of a writer that died are written by another. version: the change being written, in microseconds.
WITH job_versions AS (
    SELECT f.name,
           (extract(epoch FROM greatest(j.updated_at,
                (SELECT max(s.updated_at) FROM scene_segments s WHERE s.job_id = j.id))) * 1000000)::bigint AS version
    FROM file_drops f JOIN jobs j ON j.id = f.job_id
), claimable AS (
    SELECT f.name, c.version
    FROM file_drops f JOIN job_versions c ON c.name = f.name
    WHERE f.written_version IS DISTINCT FROM c.version
      AND (f.writer_until IS NULL OR f.writer_until < now())
    ORDER BY f.dropped_at
    LIMIT 50
    FOR UPDATE OF f SKIP LOCKED
)
UPDATE file_drops d
SET writer = :#${properties:scenescore.instance-id},
    writer_until = now() + make_interval(secs => CAST(:#${properties:scenescore.filedrop.outbox-claim-seconds} AS double precision))
FROM claimable c
WHERE d.name = c.name
RETURNING d.name, d.job_id, c.version
