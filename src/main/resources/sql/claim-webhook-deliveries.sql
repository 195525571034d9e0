-- Takes the webhook deliveries that are due (new, or a retry whose backoff is over) for this instance to send,
-- unless another instance is sending them now: FOR UPDATE SKIP LOCKED into a claim that runs out, so that each
-- attempt is made by one instance, and a sender that died leaves its deliveries to another once its claim is over.
-- claimed_at: the database's clock, which the backoff and the give-up window are counted on.
UPDATE webhook_deliveries d
SET sender = :#${properties:scenescore.instance-id},
    sender_until = now() + make_interval(secs => CAST(:#${properties:scenescore.webhooks.claim-seconds} AS double precision))
FROM (SELECT id FROM webhook_deliveries
      WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= now()
        AND (sender_until IS NULL OR sender_until < now())
      ORDER BY next_attempt_at
      LIMIT CAST(:#${properties:scenescore.webhooks.batch} AS integer)
      FOR UPDATE SKIP LOCKED) due
WHERE d.id = due.id
RETURNING d.id, d.job_id, d.event, d.scene_index, d.url, d.payload, d.attempts, d.created_at, now() AS claimed_at
