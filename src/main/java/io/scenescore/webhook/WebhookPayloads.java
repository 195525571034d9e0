package io.scenescore.webhook;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of a webhook delivery, per Standard Webhooks: {@code {"type": event, "timestamp": when it happened
 * (ISO 8601, UTC), "data": the job's status document}}; a scene.completed event's data also says which scene
 * ({@code scene_index}).
 */
public final class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param delivery the claimed row (event, created_at, scene_index); @param statusDocument the job's, as JSON text */
    public String envelope(Map<String, Object> delivery, String statusDocument) throws IOException {
        JsonNode data = JSON.readTree(statusDocument);
        if (delivery.get("scene_index") != null && data instanceof ObjectNode object) {
            object.put("scene_index", ((Number) delivery.get("scene_index")).intValue());
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("type", String.valueOf(delivery.get("event")));
        body.put("timestamp", timestamp(delivery.get("created_at")));
        body.set("data", data);
        return JSON.writeValueAsString(body);
    }

    static String timestamp(Object time) {
        if (time instanceof Date date) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.toInstant().atOffset(ZoneOffset.UTC));
        }
        if (time instanceof OffsetDateTime odt) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt.withOffsetSameInstant(ZoneOffset.UTC));
        }
        return String.valueOf(time);
    }
}
