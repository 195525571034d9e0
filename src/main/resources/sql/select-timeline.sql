-- What the timeline picture of a job (variable jobId; its latest version) is drawn from, in one row; no row means no such job. The
-- soundtrack's bytes are not read here: only when the picture has to be drawn (sql/select-soundtrack.sql).
SELECT j.status, j.video_name, j.storyboard::text AS storyboard,
       (SELECT json_agg(json_build_object('scene_index', g.scene_index, 'status', g.status, 'source', g.source,
                        'duration_seconds', g.duration_seconds) ORDER BY g.scene_index)::text
        FROM scene_segments g WHERE g.job_id = j.id) AS scene_rows,
       t.etag AS soundtrack_etag, t.format AS soundtrack_format, t.duration_seconds AS soundtrack_seconds,
       m.etag AS merged_etag, m.mix AS merged_mix, s.content AS source_content, s.duration_seconds AS source_seconds
FROM jobs j
-- the latest version's soundtrack and merged video
LEFT JOIN soundtracks t ON t.job_id = j.id AND t.version = (SELECT max(x.version) FROM soundtracks x WHERE x.job_id = j.id)
LEFT JOIN merged_videos m ON m.job_id = j.id AND m.version = t.version AND m.content IS NOT NULL
LEFT JOIN source_videos s ON s.job_id = j.id
WHERE j.id = CAST(:#${variable.jobId} AS uuid)
