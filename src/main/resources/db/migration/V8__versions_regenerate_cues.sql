-- Versions: every completed run of a job keeps its soundtrack (and merged video) as version 1, 2, ...; a run no
-- longer replaces the one before. Altered in place (other migrations add columns to the same tables).

-- A soundtrack row is one version: its number, the run that made it (by when that run was queued, so that a run
-- resumed after a crash stores its version once), the parameters it was made with, the scenes it made again
-- (null: all of them, a full run), and what each scene was (source, prompt sent, seed, model, predictions), for
-- the cue sheet: the scenes' own rows are overwritten by later runs.
ALTER TABLE soundtracks ADD COLUMN version integer NOT NULL DEFAULT 1,
                        ADD COLUMN run_queued_at timestamptz,
                        ADD COLUMN audio_params jsonb,
                        ADD COLUMN regenerated_scenes jsonb,
                        ADD COLUMN scenes jsonb;
UPDATE soundtracks s SET run_queued_at = j.queued_at, audio_params = j.audio_params FROM jobs j WHERE j.id = s.job_id;
ALTER TABLE soundtracks DROP CONSTRAINT soundtracks_pkey;
ALTER TABLE soundtracks ADD PRIMARY KEY (job_id, version);
ALTER TABLE soundtracks ALTER COLUMN version DROP DEFAULT;
CREATE UNIQUE INDEX soundtracks_run ON soundtracks (job_id, run_queued_at);

-- A merged video belongs to the version whose soundtrack it carries; deleting the version (or the job) deletes it,
-- and the table's trigger unlinks its large object.
ALTER TABLE merged_videos ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE merged_videos DROP CONSTRAINT merged_videos_pkey;
ALTER TABLE merged_videos ADD PRIMARY KEY (job_id, version);
ALTER TABLE merged_videos ALTER COLUMN version DROP DEFAULT;
DELETE FROM merged_videos m WHERE NOT EXISTS (SELECT 1 FROM soundtracks s WHERE s.job_id = m.job_id AND s.version = m.version);
ALTER TABLE merged_videos ADD CONSTRAINT merged_videos_version FOREIGN KEY (job_id, version)
    REFERENCES soundtracks (job_id, version) ON DELETE CASCADE;

-- What the queued run makes again when it regenerates scenes ({"scenes": [2, 3], "seed": 7}); null: a full run.
ALTER TABLE jobs ADD COLUMN regenerate jsonb;

-- What a scene's music source was asked and answered: the prompt sent, seed, model, model version id, predictions.
ALTER TABLE scene_segments ADD COLUMN cue jsonb;
