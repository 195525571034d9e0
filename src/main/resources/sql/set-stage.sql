UPDATE jobs SET stage = :#${exchangeProperty.stage}, updated_at = now(),
    lease_expires_at = now() + make_interval(secs => CAST(:#${exchangeProperty.leaseSeconds} AS double precision))
WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid)
