-- Every change to what a job's status document says is announced on channel scenescore_status with the job's id
-- (sent when the transaction commits; PostgreSQL sends one per job and transaction). Each instance listens and
-- drops the status document it cached for that job (io.scenescore.status.StatusCache), so pollers are answered
-- from memory while nothing changed, on whichever instance the change was made.
CREATE FUNCTION notify_job_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('scenescore_status', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
    RETURN NULL;
END $$;

CREATE FUNCTION notify_job_part_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('scenescore_status', (CASE WHEN TG_OP = 'DELETE' THEN OLD.job_id ELSE NEW.job_id END)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_status AFTER INSERT OR UPDATE OR DELETE ON jobs
    FOR EACH ROW EXECUTE FUNCTION notify_job_status();
CREATE TRIGGER scene_segments_status AFTER INSERT OR UPDATE OR DELETE ON scene_segments
    FOR EACH ROW EXECUTE FUNCTION notify_job_part_status();
CREATE TRIGGER soundtracks_status AFTER INSERT OR UPDATE OR DELETE ON soundtracks
    FOR EACH ROW EXECUTE FUNCTION notify_job_part_status();
CREATE TRIGGER source_videos_status AFTER INSERT OR UPDATE OR DELETE ON source_videos
    FOR EACH ROW EXECUTE FUNCTION notify_job_part_status();
CREATE TRIGGER merged_videos_status AFTER INSERT OR UPDATE OR DELETE ON merged_videos
    FOR EACH ROW EXECUTE FUNCTION notify_job_part_status();
CREATE TRIGGER webhook_deliveries_status AFTER INSERT OR UPDATE OR DELETE ON webhook_deliveries
    FOR EACH ROW EXECUTE FUNCTION notify_job_part_status();
