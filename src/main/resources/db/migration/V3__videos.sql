-- Videos are PostgreSQL large objects: read and written in chunks, never whole in memory, and kept in the one
-- database every instance shares. A row holds the large object's oid and what the service knows about it.

-- A job's source video: uploaded with the job, fetched from its video_url, or written here by an upstream
-- system that shares the database (content is enough; the service probes and fills in the rest when a run
-- needs it). It is never overwritten by a run.
CREATE TABLE source_videos (
    job_id           uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    content          oid              NOT NULL,
    file_name        text,
    content_type     text,
    size_bytes       bigint,
    sha256           text,
    -- the video stream's length and frame rate as ffprobe reads them
    duration_seconds double precision,
    frame_rate       double precision,
    width            integer,
    height           integer,
    video_codec      text,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- The video with the soundtrack laid under it, from the job's last run that merged; or, when muxing failed,
-- no content and the reason.
CREATE TABLE merged_videos (
    job_id           uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    content          oid,
    size_bytes       bigint,
    sha256           text,
    etag             text,
    duration_seconds double precision,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((content IS NULL) <> (error IS NULL))
);

-- A large object outlives the row that names it unless it is unlinked: this does it when a row is deleted
-- (a job's deletion cascades here) or its content replaced. Plain PL/pgSQL rather than the lo extension's
-- lo_manage, so that it needs no extension the embedded or a managed PostgreSQL may lack.
CREATE FUNCTION unlink_replaced_video() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.content IS NOT NULL
       AND (TG_OP = 'DELETE' OR NEW.content IS DISTINCT FROM OLD.content)
       AND EXISTS (SELECT 1 FROM pg_largeobject_metadata WHERE oid = OLD.content) THEN
        PERFORM lo_unlink(OLD.content);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER source_videos_unlink AFTER UPDATE OR DELETE ON source_videos
    FOR EACH ROW EXECUTE FUNCTION unlink_replaced_video();
CREATE TRIGGER merged_videos_unlink AFTER UPDATE OR DELETE ON merged_videos
    FOR EACH ROW EXECUTE FUNCTION unlink_replaced_video();
