-- Takes the oldest queued run, or one whose owner's lease ran out, for this instance.
UPDATE jobs
SET status = 'running', stage = coalesce(stage, 'generating'), lease_owner = :#${exchangeProperty.instanceId},
    lease_expires_at = now() + make_interval(secs => CAST(:#${exchangeProperty.leaseSeconds} AS double precision)),
    started_at = coalesce(started_at, now()), updated_at = now()
WHERE id = (SELECT id FROM jobs
            WHERE status = 'queued' OR (status = 'running' AND lease_expires_at < now())
            ORDER BY queued_at
            FOR UPDATE SKIP LOCKED
            LIMIT 1)
RETURNING id
