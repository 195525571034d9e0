-- Holding on to a run, in one place: renews the lease of a run this instance holds (at the stage it is at, with the
-- note of a database outage it waited through, if any) and answers whether a cancel was asked for; no row back when
-- the instance no longer holds it (its lease ran out and another took it over). renew-lease.sql calls it alone,
-- mark-scene-running.sql and record-prediction.sql in the statement that also marks the scene or records its prediction.
CREATE FUNCTION hold_run(job uuid, owner text, run_stage text, outage_note text, lease_seconds double precision)
    RETURNS TABLE (cancel_requested boolean)
    LANGUAGE sql VOLATILE
AS $$
    UPDATE jobs SET stage = run_stage, updated_at = now(), note = coalesce(outage_note, note),
        lease_expires_at = now() + make_interval(secs => lease_seconds)
    WHERE id = job AND lease_owner = owner AND status = 'running'
    RETURNING jobs.cancel_requested
$$;
