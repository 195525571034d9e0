-- Predictions some scene already waits for or used (Replicate keeps a prediction's data for an hour), and those that
-- made the scenes of recent versions: a scene made again must never adopt the prediction it is replacing.
SELECT prediction_id FROM scene_segments WHERE prediction_id IS NOT NULL AND updated_at > now() - interval '2 hours'
UNION
SELECT jsonb_array_elements_text(sc -> 'cue' -> 'prediction_ids')
FROM soundtracks v CROSS JOIN LATERAL jsonb_array_elements(coalesce(v.scenes, '[]'::jsonb)) sc
WHERE v.created_at > now() - interval '2 hours'
