-- What the cue sheet of a version says (variable version; null: the latest): the version's scenes as they were made,
-- its parameters and length, and the frame rate of the job's video (null: no video). No row: no such job;
-- version null: no such version. latest: the job's latest version (null: none yet).
SELECT j.id, j.status, j.storyboard::text AS storyboard, l.latest, s.version, s.created_at, s.duration_seconds,
       s.format, s.audio_params::text AS audio_params, s.regenerated_scenes::text AS regenerated_scenes,
       s.scenes::text AS scenes, v.frame_rate
FROM jobs j
CROSS JOIN LATERAL (SELECT max(x.version) AS latest FROM soundtracks x WHERE x.job_id = j.id) l
LEFT JOIN soundtracks s ON s.job_id = j.id AND s.version = coalesce(CAST(:#${variable.version} AS integer), l.latest)
LEFT JOIN source_videos v ON v.job_id = j.id
WHERE j.id = CAST(:#${variable.jobId} AS uuid)
