-- Remembers which job a dropped file became, so that the outbox follows it under the file's name.
INSERT INTO file_drops (name, job_id) VALUES (:#${variable.drop.name}, CAST(:#${variable.jobId} AS uuid))
