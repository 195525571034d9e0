UPDATE jobs SET status = 'completed', stage = 'done', error = NULL, finished_at = now(), updated_at = now(),
    completed_by = lease_owner,
    note = coalesce(:#${exchangeProperty.databaseWait.note()}, note), lease_owner = NULL, lease_expires_at = NULL
WHERE id = CAST(:#${exchangeProperty.run.jobId} AS uuid) AND lease_owner = :#${exchangeProperty.run.instanceId}
