package io.scenescore.job;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads webhook_url and webhook_events of a run request (generate-scenes, a dropped job file, any request that
 * starts a run) into a {@link WebhookSubscription}, or none when the request names no webhook_url. The URL must be
 * absolute http(s) with a host and no user name or password, and its host must pass the address check (the
 * public-address guard video_url fetches go through: {@code hostRefusal} says why a host is refused, null if not).
 */
public final class WebhookRequestReader {

    private final Function<String, String> hostRefusal;

    /** @param hostRefusal for a host name: why webhooks may not go there ("resolves to 10.0.0.1, a private address"), or null */
    public WebhookRequestReader(Function<String, String> hostRefusal) {
        this.hostRefusal = hostRefusal;
    }

    /** The request's webhook, null when it has none; each invalid field is added to {@code errors}. */
    public WebhookSubscription read(JsonNode root, List<FieldError> errors) {
        JsonNode urlNode = root.get("webhook_url");
        JsonNode eventsNode = root.get("webhook_events");
        boolean hasUrl = urlNode != null && !urlNode.isNull();
        boolean hasEvents = eventsNode != null && !eventsNode.isNull();
        List<String> events = hasEvents ? events(eventsNode, errors) : WebhookSubscription.DEFAULT_EVENTS;
        if (!hasUrl) {
            if (hasEvents) {
                errors.add(new FieldError("webhook_events", "needs a webhook_url to send them to"));
            }
            return null;
        }
        String url = url(urlNode, errors);
        return url == null || events == null ? null : new WebhookSubscription(url, events);
    }

    private String url(JsonNode node, List<FieldError> errors) {
        if (!node.isTextual()) {
            errors.add(new FieldError("webhook_url", "must be a string (an http or https URL)"));
            return null;
        }
        String text = node.textValue().trim();
        if (text.length() > StoryboardReader.MAX_TEXT) {
            errors.add(new FieldError("webhook_url", "is longer than " + StoryboardReader.MAX_TEXT + " characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            errors.add(new FieldError("webhook_url", "is not a URL: " + e.getReason()));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add(new FieldError("webhook_url", "must be an absolute http or https URL"));
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            errors.add(new FieldError("webhook_url", "must name a host"));
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError("webhook_url", "must not carry a user name or password"));
            return null;
        }
        if (uri.getRawFragment() != null) {
            errors.add(new FieldError("webhook_url", "must not have a #fragment"));
            return null;
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        String refusal = hostRefusal.apply(host);
        if (refusal != null) {
            errors.add(new FieldError("webhook_url", refusal));
            return null;
        }
        return text;
    }

    private static List<String> events(JsonNode node, List<FieldError> errors) {
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("webhook_events", "must be a non-empty list of events, from: "
                    + String.join(", ", WebhookSubscription.EVENTS)));
            return null;
        }
        Set<String> events = new LinkedHashSet<>();
        List<FieldError> found = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode event = node.get(i);
            if (!event.isTextual() || !WebhookSubscription.EVENTS.contains(event.textValue())) {
                found.add(new FieldError("webhook_events[" + i + "]", "is not an event; the events are "
                        + String.join(", ", WebhookSubscription.EVENTS) + (event.isTextual() ? ", got \"" + abbreviate(event.textValue()) + "\"" : "")));
            } else {
                events.add(event.textValue());
            }
        }
        errors.addAll(found);
        return found.isEmpty() ? List.copyOf(events) : null;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
