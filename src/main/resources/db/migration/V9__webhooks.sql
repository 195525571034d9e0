-- Webhooks (Standard Webhooks). A run's request may name a receiver (webhook_url) and the events it wants
-- (webhook_events: run.completed, run.failed, run.canceled, scene.completed); queue-run.sql stores them with the run.
ALTER TABLE jobs ADD COLUMN webhook_url text,
                 ADD COLUMN webhook_events text[];

-- One row per event to deliver, inserted by the very statement that makes the change it reports (complete-run.sql,
-- fail-run.sql, end-canceled-run.sql, request-cancel.sql, store-segment.sql), so that a change is never without its
-- delivery nor a delivery without its change. Any instance sends it: the sender claims due rows (FOR UPDATE SKIP
-- LOCKED into a short lease, like runs), posts, and records the attempt; a failed attempt is due again after a
-- backoff, until it is delivered or given up. The id is the webhook-id every attempt carries.
CREATE TABLE webhook_deliveries (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_id          uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    event           text        NOT NULL
        CHECK (event IN ('run.completed', 'run.failed', 'run.canceled', 'scene.completed')),
    scene_index     integer,
    url             text        NOT NULL,
    -- when the change happened: the payload's timestamp, and the start of the give-up window
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- the body, built at the first attempt and sent as it is by every retry (same webhook-id, same bytes)
    payload         text,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    -- the receiver's HTTP status of the last attempt; null when it gave none (timeout, refused connection)
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    given_up_at     timestamptz,
    -- the instance sending it now, until its claim runs out (a sender that died leaves it to another)
    sender          text,
    sender_until    timestamptz
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND given_up_at IS NULL;
CREATE INDEX webhook_deliveries_of_job ON webhook_deliveries (job_id, created_at);
