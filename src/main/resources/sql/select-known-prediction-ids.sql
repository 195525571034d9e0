-- Predictions some scene already waits for or used (Replicate keeps a prediction's data for an hour).
SELECT prediction_id FROM scene_segments WHERE prediction_id IS NOT NULL AND updated_at > now() - interval '2 hours'
