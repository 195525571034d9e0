-- The prediction a scene waits for is stored before polling starts, so that it can be found again; in the same
-- statement the run is held, as renew-lease.sql does (its lease renewed, whether a cancel was asked for told; no row
-- back: this instance no longer holds the run), so that a prediction answered at once needs no other statement
-- before the next one is created. Recorded only while the run is held and not canceled: a cancel asked for during
-- the create found no prediction to cancel at Replicate (the API cancels those recorded), so the run cancels this
-- one itself, and only it does.
WITH held AS (
    SELECT cancel_requested FROM hold_run(CAST(:#${exchangeProperty.run.jobId} AS uuid), :#${exchangeProperty.run.instanceId}, :#${exchangeProperty.run.stage},
        :#${exchangeProperty.databaseWait.note()}, :#${exchangeProperty.run.leaseSeconds})
), recorded AS (
    UPDATE scene_segments SET prediction_id = :#${variable.chain.prediction.id}, prediction_index = :#${variable.chain.current},
        updated_at = now()
    WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${variable.scene.index}
      AND EXISTS (SELECT 1 FROM held WHERE NOT held.cancel_requested)
)
SELECT cancel_requested FROM held
