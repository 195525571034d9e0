-- Stores the run's soundtrack as the job's next version (1, 2, ...) and answers its number. A run resumed after it
-- stored its version (it is known by when it was queued) stores the same version again instead of a new one.
-- The version keeps the parameters it was made with, the scenes it made again (jobs.regenerate; null for a full
-- run) and what each scene was (title, source, cue), which later runs overwrite in scene_segments.
-- Run by MusicStore in the transaction that wrote the file as a large object, with these parameters in order:
-- the run's audio_params (JSON), the format, the large object, the length (s), the size (bytes), the ETag, the
-- integrated loudness, the true peak, the loudness range, the job's id. No row back: the job is gone.
INSERT INTO soundtracks (job_id, version, run_queued_at, audio_params, regenerated_scenes, scenes,
                         format, content, duration_seconds, size_bytes, etag,
                         loudness_integrated, loudness_true_peak, loudness_range)
SELECT j.id, coalesce((SELECT max(x.version) FROM soundtracks x WHERE x.job_id = j.id), 0) + 1, j.queued_at,
       CAST(? AS jsonb), j.regenerate -> 'scenes',
       (SELECT json_agg(json_build_object('index', g.scene_index, 'title', j.storyboard -> 'scenes' -> g.scene_index ->> 'title',
                        'duration_seconds', (j.storyboard -> 'scenes' -> g.scene_index ->> 'duration')::double precision,
                        'status', g.status, 'source', g.source, 'error', g.error, 'cue', g.cue) ORDER BY g.scene_index)
        FROM scene_segments g WHERE g.job_id = j.id),
       CAST(? AS text), CAST(? AS oid), CAST(? AS double precision), CAST(? AS bigint), CAST(? AS text),
       CAST(? AS double precision), CAST(? AS double precision), CAST(? AS double precision)
FROM jobs j WHERE j.id = CAST(? AS uuid)
ON CONFLICT (job_id, run_queued_at) DO UPDATE
SET format = EXCLUDED.format, content = EXCLUDED.content, duration_seconds = EXCLUDED.duration_seconds,
    size_bytes = EXCLUDED.size_bytes, etag = EXCLUDED.etag, loudness_integrated = EXCLUDED.loudness_integrated,
    loudness_true_peak = EXCLUDED.loudness_true_peak, loudness_range = EXCLUDED.loudness_range,
    audio_params = EXCLUDED.audio_params, regenerated_scenes = EXCLUDED.regenerated_scenes, scenes = EXCLUDED.scenes,
    created_at = now()
RETURNING version
