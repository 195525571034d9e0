-- Everything the status document of a job says, in one row; the one parameter (?) is the job id. No such job: id is null.
-- The soundtrack and merged video are the latest version's; versions lists them all.
SELECT a.asked, j.id, j.storyboard::text AS storyboard, j.audio_params::text AS audio_params, j.status, j.stage, j.note, j.error,
       j.created_at, j.updated_at,
       (SELECT json_agg(json_build_object('scene_index', g.scene_index, 'status', g.status, 'source', g.source,
                        'prediction_id', g.prediction_id, 'duration_seconds', g.duration_seconds, 'error', g.error)
                        ORDER BY g.scene_index)::text
        FROM scene_segments g WHERE g.job_id = j.id) AS scene_rows,
       t.job_id IS NOT NULL AS has_soundtrack, t.format AS soundtrack_format,
       t.duration_seconds AS soundtrack_duration_seconds, t.size_bytes AS soundtrack_size_bytes,
       t.loudness_integrated, t.loudness_true_peak, t.loudness_range,
       s.file_name AS source_file_name, s.content_type AS source_content_type, s.size_bytes AS source_size_bytes,
       s.sha256 AS source_sha256, s.duration_seconds AS source_duration_seconds, s.frame_rate AS source_frame_rate,
       s.job_id IS NOT NULL AS has_source,
       m.content IS NOT NULL AS merged, m.size_bytes, m.duration_seconds, m.error AS video_error,
       m.mix AS video_mix, m.mix_note AS video_mix_note, m.loudness_integrated AS video_loudness_integrated,
       m.loudness_true_peak AS video_loudness_true_peak, m.loudness_range AS video_loudness_range,
       j.storyboard_made::text AS storyboard_made,
       -- the webhook deliveries of the job's current run (queued since it was), oldest first
       (SELECT json_agg(json_build_object('id', 'msg_' || w.id, 'event', w.event, 'scene_index', w.scene_index,
                        'attempts', w.attempts, 'last_status', w.last_status, 'last_error', w.last_error,
                        'last_attempt_at', w.last_attempt_at, 'delivered_at', w.delivered_at,
                        'next_attempt_at', CASE WHEN w.delivered_at IS NULL AND w.given_up_at IS NULL THEN w.next_attempt_at END,
                        'given_up_at', w.given_up_at)
                        ORDER BY w.created_at, w.scene_index)::text
        FROM webhook_deliveries w
        WHERE w.job_id = j.id AND w.created_at >= coalesce(j.queued_at, j.created_at)) AS webhook_rows,
       t.version AS soundtrack_version,
       (SELECT json_agg(json_build_object('version', v.version, 'created_at', v.created_at, 'audio_params', v.audio_params,
                        'regenerated_scenes', v.regenerated_scenes,
                        'merged', EXISTS (SELECT 1 FROM merged_videos w WHERE w.job_id = v.job_id AND w.version = v.version
                                          AND w.content IS NOT NULL)) ORDER BY v.version)::text
        FROM soundtracks v WHERE v.job_id = j.id) AS versions
FROM (SELECT CAST(? AS uuid) AS asked) a
LEFT JOIN jobs j ON j.id = a.asked
-- the latest version's soundtrack and merged video
LEFT JOIN soundtracks t ON t.job_id = j.id AND t.version = (SELECT max(x.version) FROM soundtracks x WHERE x.job_id = j.id)
LEFT JOIN source_videos s ON s.job_id = j.id
LEFT JOIN merged_videos m ON m.job_id = j.id AND m.version = t.version
