-- The job dropped as NAME.json that NAME.regenerate.json names (in any letter case, as names are unique so).
SELECT name, job_id FROM file_drops WHERE lower(name) = lower(:#${variable.drop.target()})
