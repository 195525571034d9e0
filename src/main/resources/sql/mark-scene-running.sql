-- Holds on to the run and marks the scene running, in one round trip between two predictions. Renews the run's lease
-- at its stage and tells whether a cancel was asked for (no row back: this instance no longer holds the run, as
-- renew-lease.sql); only while it holds the run and no cancel was asked for, marks the scene running and tells what
-- an interrupted attempt left in its row (status running): the prediction it was waiting for, if any. Its named
-- parameters come in a map as the body (RunGuard.markParameters), but the outage note (reading it closes the outage).
WITH held AS (
    SELECT cancel_requested FROM hold_run(CAST(:#job_id AS uuid), :#owner, :#stage,
        :#${exchangeProperty.databaseWait.note()}, :#lease_seconds)
), interrupted AS (
    SELECT prediction_id, prediction_index FROM scene_segments
    WHERE job_id = CAST(:#job_id AS uuid) AND scene_index = :#scene_index
      AND status = 'running'
), marked AS (
    INSERT INTO scene_segments (job_id, scene_index, status, source, duration_seconds)
    SELECT CAST(:#job_id AS uuid), :#scene_index, 'running', :#source, :#duration
    FROM held WHERE NOT held.cancel_requested
    ON CONFLICT (job_id, scene_index) DO UPDATE
    SET status = 'running', source = EXCLUDED.source, error = NULL, updated_at = now()
    RETURNING scene_index
)
-- the CTEs see the rows as they were before this statement; marked is joined so that the insert is part of the answer
SELECT h.cancel_requested, (m.scene_index IS NOT NULL AND EXISTS (SELECT 1 FROM interrupted)) AS interrupted,
       i.prediction_id, i.prediction_index
FROM held h LEFT JOIN marked m ON true LEFT JOIN interrupted i ON m.scene_index IS NOT NULL
