-- What a run wants its status to say beside its stage, e.g. "waited 12 s for the database" after a database
-- restart it rode out. Cleared when a new run of the job is queued.
ALTER TABLE jobs ADD COLUMN note text;
