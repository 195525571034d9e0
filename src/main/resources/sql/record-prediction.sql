-- The prediction a scene waits for is stored before polling starts, so that it can be found again; in the same
-- statement the run is held, as renew-lease.sql does (its lease renewed; cancel_requested: whether a cancel was asked
-- for, null when this instance no longer holds the run), so that a prediction answered at once needs no other
-- statement before the next one is created. cancel_prediction: the job's cancel was asked for, held or not. Then the
-- prediction is not recorded: the API's cancel looked for the recorded ones before this, so the run cancels this one
-- itself, and only it does. A run that lost its lease otherwise records it, for the instance that took it over.
-- Its named parameters come in a map as the body (ReplicateChains.recordParameters), but the outage note (reading it
-- closes the outage).
WITH held AS (
    SELECT cancel_requested FROM hold_run(CAST(:#job_id AS uuid), :#owner, :#stage,
        :#${exchangeProperty.databaseWait.note()}, :#lease_seconds)
), job AS (
    SELECT coalesce((SELECT cancel_requested FROM held), cancel_requested) AS cancel_prediction
    FROM jobs WHERE id = CAST(:#job_id AS uuid)
), recorded AS (
    UPDATE scene_segments SET prediction_id = :#prediction_id, prediction_index = :#prediction_index,
        updated_at = now()
    WHERE job_id = CAST(:#job_id AS uuid) AND scene_index = :#scene_index
      AND NOT EXISTS (SELECT 1 FROM job WHERE job.cancel_prediction)
)
SELECT (SELECT cancel_requested FROM held) AS cancel_requested, coalesce((SELECT cancel_prediction FROM job), false) AS cancel_prediction
