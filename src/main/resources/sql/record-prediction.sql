-- The prediction a scene waits for is stored before polling starts, so that it can be found again; in the same
-- statement the run is held, as renew-lease.sql does (its lease renewed, whether a cancel was asked for told; no row
-- back: this instance no longer holds the run, and records nothing), so that a prediction answered at once needs no
-- other statement before the next one is created.
WITH held AS (
    UPDATE jobs SET stage = :#${exchangeProperty.run.stage}, updated_at = now(),
        note = coalesce(:#${exchangeProperty.databaseWait.note()}, note),
        lease_expires_at = now() + make_interval(secs => CAST(:#${exchangeProperty.run.leaseSeconds} AS double precision))
    WHERE id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND lease_owner = :#${exchangeProperty.run.instanceId} AND status = 'running'
    RETURNING cancel_requested
), recorded AS (
    UPDATE scene_segments SET prediction_id = :#${variable.chain.prediction.id}, prediction_index = :#${variable.chain.current},
        updated_at = now()
    WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${variable.scene.index}
      AND EXISTS (SELECT 1 FROM held)
)
SELECT cancel_requested FROM held
