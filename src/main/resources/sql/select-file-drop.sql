-- An earlier drop under the same name (in any letter case), whose outbox files a new drop must not overwrite.
SELECT name, job_id FROM file_drops WHERE lower(name) = lower(:#${variable.drop.name})
