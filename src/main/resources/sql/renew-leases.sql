-- Keeps every run this instance is executing: a lease only runs out when its owner stops renewing it.
UPDATE jobs SET lease_expires_at = now() + make_interval(secs => CAST(:#${body.leaseSeconds} AS double precision))
WHERE lease_owner = :#${body.instanceId} AND status = 'running'
