-- Marks the scene running, and answers what an interrupted attempt left in its row (status running): the prediction
-- it was waiting for, if any. No row when no attempt was interrupted. One round trip between two predictions, not two.
WITH interrupted AS (
    SELECT prediction_id, prediction_index FROM scene_segments
    WHERE job_id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND scene_index = :#${body.index}
      AND status = 'running'
), marked AS (
    INSERT INTO scene_segments (job_id, scene_index, status, source, duration_seconds)
    VALUES (CAST(:#${exchangeProperty.run.jobId} AS uuid), :#${body.index}, 'running', :#${exchangeProperty.run.provider}, :#${body.scene.duration})
    ON CONFLICT (job_id, scene_index) DO UPDATE
    SET status = 'running', source = EXCLUDED.source, error = NULL, updated_at = now()
    RETURNING scene_index
)
-- the CTEs see the row as it was before this statement; marked is joined so that the insert is part of the answer
SELECT i.prediction_id, i.prediction_index FROM interrupted i JOIN marked m ON true
