-- Holds on to a run at each step: renews its lease and tells whether a cancel was asked for. No row back:
-- this instance no longer holds the run (its lease ran out and another instance took it over).
-- A database outage the run waited through is told in its note.
-- Its named parameters come in a map as the body (Run.holdParameters); the note of a database outage stays an
-- expression, since reading it closes the outage.
SELECT cancel_requested FROM hold_run(CAST(:#job_id AS uuid), :#owner, :#stage,
        :#${exchangeProperty.databaseWait.note()}, :#lease_seconds)
