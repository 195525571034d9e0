-- Takes the dropped jobs whose outbox files are behind the job (it or one of its scenes changed since they were
-- written: job_version, kept by triggers, V15) for this instance to write, unless another instance is writing them
-- now. A claim runs out, so the files of a writer that died are written by another. version: the change being
-- written, in microseconds. Reads only the rows of the partial index file_drops_behind, then the claimed ones by
-- name (an array, so that no plan joins the claim with the whole table).
UPDATE file_drops
SET writer = :#${properties:scenescore.instance-id},
    writer_until = now() + make_interval(secs => CAST(:#${properties:scenescore.filedrop.outbox-claim-seconds} AS double precision))
WHERE name = ANY (ARRAY(
    SELECT name
    FROM file_drops
    WHERE job_version IS DISTINCT FROM written_version
      AND (writer_until IS NULL OR writer_until < now())
    ORDER BY dropped_at
    LIMIT 50
    FOR UPDATE SKIP LOCKED))
RETURNING name, job_id, job_version AS version
