package io.reconcraft.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON mapping of events. Readers tolerate unknown fields (producers may add fields) but reject
 * anything that is not a well-formed envelope of a known type, with a message saying what is wrong.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(EventEnvelope event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(EventEnvelope event) {
        return MAPPER.writeValueAsString(event);
    }

    public static EventEnvelope read(String json) {
        return read(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public static EventEnvelope read(byte[] json) {
        if (json == null || json.length == 0) {
            throw new MalformedEventException("empty message: an event envelope was expected");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("an event envelope must be a JSON object");
        }
        String eventId = requiredText(root, "eventId");
        String type = requiredText(root, "type");
        Class<? extends EventPayload> payloadType = EventTypes.classOf(type)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"));
        Instant occurredAt = instant(root, requiredText(root, "occurredAt"));
        int version = root.path("version").asInt(0);
        if (version < 1) {
            throw new MalformedEventException("field 'version' must be a positive integer");
        }
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedEventException("field 'payload' must be a JSON object");
        }
        JsonNode runIdNode = root.get("runId");
        String runId = runIdNode == null || runIdNode.isNull() ? null : runIdNode.asString();
        try {
            EventPayload payload = MAPPER.treeToValue(payloadNode, payloadType);
            return new EventEnvelope(eventId, type, runId, occurredAt, version, payload);
        } catch (JacksonException | IllegalArgumentException e) {
            String detail = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
            throw new MalformedEventException("payload of " + type + " does not fit its schema: " + detail, e);
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException("field '" + field + "' is required and must be a non-empty string");
        }
        return node.asString();
    }

    private static Instant instant(JsonNode root, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("field 'occurredAt' is not an ISO-8601 instant: " + text, e);
        }
    }
}
