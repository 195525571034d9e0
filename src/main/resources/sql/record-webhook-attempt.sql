-- Records one attempt of a delivery (variable attempt: a WebhookAttempt) and gives its claim back: delivered,
-- due again after its backoff, or given up.
UPDATE webhook_deliveries
SET attempts = attempts + 1, last_attempt_at = now(),
    last_status = CAST(:#${variable.attempt.status} AS integer), last_error = :#${variable.attempt.error},
    delivered_at = CASE WHEN :#${variable.attempt.delivered} THEN now() END,
    given_up_at = CASE WHEN :#${variable.attempt.givenUp} THEN now() END,
    next_attempt_at = now() + make_interval(secs => CAST(:#${variable.attempt.retryInSeconds} AS double precision)),
    sender = NULL, sender_until = NULL
WHERE id = CAST(:#${variable.delivery[id]} AS uuid) AND sender = :#${properties:scenescore.instance-id}
