-- Takes up to freeSlots runs for this instance: the oldest queued ones, and any whose owner's lease ran out, but
-- never one this instance is still executing (its lease may have run out while the database was away).
UPDATE jobs
SET status = 'running', stage = coalesce(stage, 'generating'), lease_owner = :#${body.instanceId},
    lease_expires_at = now() + make_interval(secs => CAST(:#${body.leaseSeconds} AS double precision)),
    started_at = coalesce(started_at, now()), updated_at = now()
WHERE id IN (SELECT id FROM jobs
             WHERE (status = 'queued' OR (status = 'running' AND lease_expires_at < now()))
               AND NOT (id::text = ANY (string_to_array(:#${body.executing}, ',')))
             ORDER BY queued_at
             FOR UPDATE SKIP LOCKED
             LIMIT CAST(:#${body.freeSlots} AS integer))
RETURNING id
