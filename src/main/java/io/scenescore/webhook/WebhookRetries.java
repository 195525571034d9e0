package io.scenescore.webhook;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import io.scenescore.video.PublicAddressGuard;

/**
 * When a webhook delivery is tried again: a 2xx answer delivers it; any other answer, a timeout or a failed
 * connection is retried after {@code first}, then twice as long each time, at most {@code max} apart, for as long as
 * the next attempt still falls within {@code giveUpAfter} of the event; after that the delivery is given up.
 * Times are the database's (the claimed row's created_at and claimed_at), so instances' clocks do not matter.
 */
public final class WebhookRetries {

    private final Duration first;
    private final Duration max;
    private final Duration giveUpAfter;
    private final Duration timeout;

    /** @param timeout how long an attempt waits for the receiver (named in the error of an attempt that timed out) */
    public WebhookRetries(Duration first, Duration max, Duration giveUpAfter, Duration timeout) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("webhook retries: the first delay must be > 0, the largest at least "
                    + "the first, the give-up time >= 0");
        }
        this.first = first;
        this.max = max;
        this.giveUpAfter = giveUpAfter;
        this.timeout = timeout;
    }

    /** The wait after the given number of failed attempts (1: after the first): first, doubling, at most max. */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = first;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The attempt that got an HTTP answer (delivery: the claimed row of claim-webhook-deliveries.sql). */
    public WebhookAttempt answered(Map<String, Object> delivery, int status) {
        if (status >= 200 && status < 300) {
            return new WebhookAttempt(number(delivery), true, status, null, false, 0, receiver(delivery));
        }
        return retry(delivery, status, "HTTP " + status);
    }

    /** The attempt that got no answer: timed out, refused, or its host was refused by the address guard. */
    public WebhookAttempt failed(Map<String, Object> delivery, Throwable failure) {
        return retry(delivery, null, describe(failure));
    }

    private WebhookAttempt retry(Map<String, Object> delivery, Integer status, String error) {
        int number = number(delivery);
        Duration delay = delayAfter(number);
        Duration elapsed = Duration.ofMillis(millis(delivery.get("claimed_at")) - millis(delivery.get("created_at")));
        boolean givenUp = elapsed.plus(delay).compareTo(giveUpAfter) > 0;
        return new WebhookAttempt(number, false, status, error, givenUp, givenUp ? 0 : delay.toMillis() / 1000.0, receiver(delivery));
    }

    /** Why an attempt got no answer, in words (no URL: it may carry a token). */
    String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PublicAddressGuard.Refused) {
                return "refused: the receiver's host resolves to a non-public address";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within " + seconds(timeout.toMillis() / 1000.0);
            }
            if (t instanceof UnknownHostException) {
                return "the receiver's host is unknown";
            }
            if (t instanceof ConnectException) {
                return "the receiver could not be connected to";
            }
        }
        return "the request failed (" + failure.getClass().getSimpleName() + ")";
    }

    /** The receiver's host (and port), for logs: never the path or query, which may carry a token. */
    static String receiver(Map<String, Object> delivery) {
        try {
            URI uri = new URI(String.valueOf(delivery.get("url")));
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (Exception e) {
            return "(unreadable URL)";
        }
    }

    private static int number(Map<String, Object> delivery) {
        return ((Number) delivery.get("attempts")).intValue() + 1;
    }

    private static long millis(Object time) {
        if (time instanceof Date date) {
            return date.getTime();
        }
        if (time instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant().toEpochMilli();
        }
        throw new IllegalArgumentException("not a time: " + time);
    }

    static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? (long) seconds + " s" : seconds + " s";
    }
}
