-- A job: its storyboard, the parameters of its current run and where that run stands.
CREATE TABLE jobs (
    id               uuid PRIMARY KEY,
    video_name       text,
    video_url        text,
    storyboard       jsonb       NOT NULL,
    audio_params     jsonb,
    status           text        NOT NULL DEFAULT 'created'
        CHECK (status IN ('created', 'queued', 'running', 'completed', 'failed', 'canceled')),
    stage            text,
    error            text,
    lease_owner      text,
    lease_expires_at timestamptz,
    queued_at        timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX jobs_waiting ON jobs (queued_at) WHERE status IN ('queued', 'running');

-- Each scene's piece, stored as soon as it exists (FLAC, exact scene length).
CREATE TABLE scene_segments (
    job_id           uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    scene_index      integer     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('running', 'completed', 'silence', 'failed')),
    source           text,
    prediction_id    text,
    continuation_url text,
    continuation_seconds integer,
    duration_seconds double precision,
    error            text,
    audio            bytea,
    audio_format     text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, scene_index)
);

-- The finished soundtrack of a job's last completed run.
CREATE TABLE soundtracks (
    job_id           uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    format           text             NOT NULL,
    audio            bytea            NOT NULL,
    duration_seconds double precision NOT NULL,
    size_bytes       bigint           NOT NULL,
    etag             text             NOT NULL,
    created_at       timestamptz      NOT NULL DEFAULT now()
);
