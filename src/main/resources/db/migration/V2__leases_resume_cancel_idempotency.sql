-- Cancel requests reach the instance running the job through its row.
ALTER TABLE jobs ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false;
-- Which instance finished the run (for operators; lease_owner is cleared when a run ends).
ALTER TABLE jobs ADD COLUMN completed_by text;

-- Which prediction of the scene's chain is in flight, so that a resumed run polls it instead of creating
-- another; and the composer's key, tempo and motif, so that a resumed run continues them.
ALTER TABLE scene_segments ADD COLUMN prediction_index integer;
ALTER TABLE scene_segments ADD COLUMN musical_context jsonb;

-- Answers given to generate-scenes requests that carried an Idempotency-Key.
CREATE TABLE idempotency_keys (
    key            text PRIMARY KEY,
    request_sha256 text        NOT NULL,
    job_id         uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    status         integer     NOT NULL,
    body           text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
