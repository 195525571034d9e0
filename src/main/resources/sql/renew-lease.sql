-- Holds on to a run at each step: renews its lease and tells whether a cancel was asked for. No row back:
-- this instance no longer holds the run (its lease ran out and another instance took it over).
-- A database outage the run waited through is told in its note.
UPDATE jobs SET stage = :#${exchangeProperty.run.stage}, updated_at = now(),
    note = coalesce(:#${exchangeProperty.databaseWait.note()}, note),
    lease_expires_at = now() + make_interval(secs => CAST(:#${exchangeProperty.run.leaseSeconds} AS double precision))
WHERE id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND lease_owner = :#${exchangeProperty.run.instanceId} AND status = 'running'
RETURNING cancel_requested
