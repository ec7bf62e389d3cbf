package io.reconcraft.events;

import io.reconcraft.events.model.InputEcho;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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

    /** A payload is read from inside its envelope: what follows it is the envelope's, not trailing input. */
    private static final Map<Class<?>, ObjectReader> PAYLOAD_READERS = new ConcurrentHashMap<>();

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
        EventEnvelope event = readInOnePass(json);
        return event != null ? event : readThroughTree(json);
    }

    /**
     * The {@code type} of an envelope whose type comes before its payload, as our producers write it, read from the
     * first fields only; empty for anything else. Lets a consumer pass over an event it does not use without reading
     * it: such a record is then neither verified nor read, and a record that is not such an envelope is read (and
     * refused) in full.
     */
    public static Optional<String> typeOf(byte[] json) {
        if (json == null || json.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (String field = parser.nextName(); field != null && !field.equals("payload"); field = parser.nextName()) {
                JsonToken value = parser.nextToken();
                if (field.equals("type")) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getString()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * An envelope as our producers write it (every field well-formed, {@code type} before {@code payload}) read in one
     * pass, the payload bound straight from the parser; null for anything else, which {@link #readThroughTree} then
     * reads, or refuses with the reason. Every consumer reads every event of its topics, and building a tree first and
     * binding the payload from that tree cost twice the parsing.
     */
    static EventEnvelope readInOnePass(byte[] json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = null;
            String type = null;
            String runId = null;
            Instant occurredAt = null;
            int version = 0;
            EventPayload payload = null;
            boolean runIdSeen = false;
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId", "type", "occurredAt" -> {
                        if (value != JsonToken.VALUE_STRING || parser.getString().isBlank()) {
                            return null;
                        }
                        String text = parser.getString();
                        if (field.equals("eventId") && eventId == null) {
                            eventId = text;
                        } else if (field.equals("type") && type == null) {
                            type = text;
                        } else if (field.equals("occurredAt") && occurredAt == null) {
                            occurredAt = Instant.parse(text);
                        } else {
                            return null; // a field twice
                        }
                    }
                    case "runId" -> {
                        if (runIdSeen || (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL)) {
                            return null;
                        }
                        runIdSeen = true;
                        runId = value == JsonToken.VALUE_NULL ? null : parser.getString();
                    }
                    case "version" -> {
                        if (version != 0 || value != JsonToken.VALUE_NUMBER_INT) {
                            return null;
                        }
                        version = parser.getIntValue();
                    }
                    case "payload" -> {
                        Class<? extends EventPayload> payloadType = type == null ? null : EventTypes.classOf(type).orElse(null);
                        if (payload != null || payloadType == null || value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        payload = PAYLOAD_READERS.computeIfAbsent(payloadType, EventCodec::payloadReader).readValue(parser);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null || eventId == null || occurredAt == null || version < 1 || payload == null) {
                return null;
            }
            return new EventEnvelope(eventId, type, runId, occurredAt, version, payload);
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException e) {
            return null; // read again through the tree, which says what is wrong
        }
    }

    private static ObjectReader payloadReader(Class<?> payloadType) {
        return MAPPER.readerFor(payloadType).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static EventEnvelope readThroughTree(byte[] json) {
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
                .orElseThrow(() -> new MalformedEventException("unknown event type " + InputEcho.quoted(type)));
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
