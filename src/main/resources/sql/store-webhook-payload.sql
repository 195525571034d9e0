-- Keeps the body of a delivery's first attempt, which every retry then sends as it is; answers the body kept
-- (an earlier attempt's, if one was stored meanwhile).
UPDATE webhook_deliveries SET payload = coalesce(payload, :#${body})
WHERE id = CAST(:#${variable.delivery[id]} AS uuid)
RETURNING payload
