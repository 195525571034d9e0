-- Keeps every run this instance is executing: a lease only runs out when its owner stops renewing it (or left the
-- run after its database stayed away too long: that run is not in the list, and is resumed once its lease is out).
UPDATE jobs SET lease_expires_at = now() + make_interval(secs => CAST(:#${body.leaseSeconds} AS double precision))
WHERE lease_owner = :#${body.instanceId} AND status = 'running'
  AND id::text = ANY (string_to_array(:#${body.executing}, ','))
