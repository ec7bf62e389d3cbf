package io.reconcraft.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The wire form of every event. {@code eventId} is unique and is what consumers de-duplicate on;
 * {@code runId} is also the Kafka key, so one run's events stay ordered within a partition.
 */
public record EventEnvelope(
        String eventId,
        String type,
        String runId,
        Instant occurredAt,
        int version,
        EventPayload payload) {

    /** The schema version written by this build; readers accept this and every older one. */
    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public static EventEnvelope of(String runId, EventPayload payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), EventTypes.nameOf(payload), runId,
                Instant.now(), CURRENT_VERSION, payload);
    }

    /** The topic this event belongs on. */
    public String topic() {
        return Topics.of(payload);
    }

    public <P extends EventPayload> P payloadAs(Class<P> type) {
        return type.cast(payload);
    }
}
