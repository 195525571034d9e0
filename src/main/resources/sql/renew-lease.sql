-- Holds on to a run at each step: renews its lease and tells whether a cancel was asked for. No row back:
-- this instance no longer holds the run (its lease ran out and another instance took it over).
UPDATE jobs SET stage = :#${exchangeProperty.stage}, updated_at = now(),
    lease_expires_at = now() + make_interval(secs => CAST(:#${exchangeProperty.leaseSeconds} AS double precision))
WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid) AND lease_owner = :#${exchangeProperty.instanceId} AND status = 'running'
RETURNING cancel_requested
