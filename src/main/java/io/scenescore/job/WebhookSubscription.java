package io.scenescore.job;

import java.util.List;

/**
 * A run's webhook: where its deliveries go (an http or https URL whose host resolves to public addresses only,
 * unless private ones are allowed) and which events it wants ({@link #EVENTS}; by default the three run events).
 */
public record WebhookSubscription(String url, List<String> events) {

    /** Every event a run can report, in the order they are listed to users. */
    public static final List<String> EVENTS = List.of("run.completed", "run.failed", "run.canceled", "scene.completed");
    /** What a request that names no events gets: the end of the run, however it ends. */
    public static final List<String> DEFAULT_EVENTS = List.of("run.completed", "run.failed", "run.canceled");

    public WebhookSubscription {
        events = List.copyOf(events);
    }

    /** The events as one comma-separated text, as queue-run.sql stores them (string_to_array). */
    public String eventList() {
        return String.join(",", events);
    }
}
