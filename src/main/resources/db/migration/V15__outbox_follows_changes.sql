-- The outbox poll found the drops whose files are behind their job by working out every dropped job's version, each
-- second on each instance: its cost grew with every job ever dropped (220 ms of PostgreSQL's CPU per poll with 50,000 of
-- them, bench/README.md). Each drop now keeps its job's version, brought up to date by the changes themselves (the
-- job's row, its scenes), and the drops behind are found through a partial index that holds only them.

-- No job or scene changes between the versions filled in below and the triggers that keep them (an instance still
-- running the earlier release waits for this migration's commit).
LOCK TABLE jobs, scene_segments IN SHARE ROW EXCLUSIVE MODE;

-- A job's version: the last change to its row or its scenes, in microseconds (what the outbox writes record).
CREATE FUNCTION job_version(job uuid) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT (extract(epoch FROM greatest(j.updated_at,
                (SELECT max(s.updated_at) FROM scene_segments s WHERE s.job_id = j.id))) * 1000000)::bigint
    FROM jobs j WHERE j.id = job
$$;

ALTER TABLE file_drops ADD COLUMN job_version bigint;
UPDATE file_drops SET job_version = job_version(job_id);

CREATE INDEX file_drops_behind ON file_drops (dropped_at) WHERE job_version IS DISTINCT FROM written_version;

-- Only a job that was dropped has a row to update; any other job's change costs one probe of the unique job_id index.
CREATE FUNCTION follow_job_version(job uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM file_drops WHERE job_id = job) THEN
        UPDATE file_drops SET job_version = job_version(job) WHERE job_id = job;
    END IF;
END $$;

CREATE FUNCTION drop_follows_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_job_version(NEW.id);
    RETURN NULL;
END $$;

CREATE FUNCTION drop_follows_scene() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_job_version(CASE WHEN TG_OP = 'DELETE' THEN OLD.job_id ELSE NEW.job_id END);
    RETURN NULL;
END $$;

CREATE FUNCTION drop_starts_at_job_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.job_version := job_version(NEW.job_id);
    RETURN NEW;
END $$;

CREATE TRIGGER jobs_outbox AFTER UPDATE ON jobs
    FOR EACH ROW WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at) EXECUTE FUNCTION drop_follows_job();
CREATE TRIGGER scene_segments_outbox AFTER INSERT OR UPDATE OR DELETE ON scene_segments
    FOR EACH ROW EXECUTE FUNCTION drop_follows_scene();
CREATE TRIGGER file_drops_version BEFORE INSERT ON file_drops
    FOR EACH ROW EXECUTE FUNCTION drop_starts_at_job_version();
