-- What a regenerate request is checked against (variable jobId): the job's run status, its storyboard, how many
-- versions it has, and the scenes whose pieces are stored (a regenerated run reuses them).
SELECT j.id, j.status, j.storyboard::text AS storyboard,
       (SELECT count(*) FROM soundtracks v WHERE v.job_id = j.id) AS versions,
       (SELECT json_agg(g.scene_index ORDER BY g.scene_index) FROM scene_segments g
        WHERE g.job_id = j.id AND g.status IN ('completed', 'silence') AND g.content IS NOT NULL)::text AS stored
FROM jobs j WHERE j.id = CAST(:#${variable.jobId} AS uuid)
