-- File drop. A job that came from the inbox as NAME.json: its results are written to the outbox as NAME.*.
CREATE TABLE file_drops (
    -- the NAME of NAME.json; unique, so that no drop ever writes over another job's outbox files
    name            text        PRIMARY KEY,
    job_id          uuid        NOT NULL UNIQUE REFERENCES jobs (id) ON DELETE CASCADE,
    dropped_at      timestamptz NOT NULL DEFAULT now(),
    -- the version (jobs.updated_at in microseconds) of the job last written to the outbox
    written_version bigint,
    -- the instance writing this drop's outbox files now, until its claim runs out (a dead writer's does)
    writer          text,
    writer_until    timestamptz
);

-- outbox files of NAME and name must not meet on a case-insensitive file system either
CREATE UNIQUE INDEX file_drops_name_any_case ON file_drops (lower(name));

-- camel-sql's JdbcMessageIdRepository: the files taken from the inbox (key: name, size, time), shared by all
-- instances. Its default layout, with a messageId long enough for our keys; the repository does not create it.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(500) NOT NULL,
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
