package io.reconcraft.audit.ingest;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Builds the stored form of an event: envelope fields, where it came from, and the masked payload. A payload
 * with keys BSON refuses is stored with its keys escaped ({@code keysEscaped: true}), never dropped.
 */
@Component
@RequiredArgsConstructor
public class AuditRecords {

    static final String KEYS_ESCAPED = "keysEscaped";

    private final SecretMasker masker;

    @SuppressWarnings("unchecked")
    public Document of(EventEnvelope event, String topic, int partition, long offset, Instant receivedAt) {
        Map<String, Object> payload = (Map<String, Object>) masker.mask(
                EventCodec.mapper().convertValue(event.payload(), Map.class));
        boolean escape = KeyEscaper.needsEscaping(payload);
        Document record = new Document("_id", event.eventId())
                .append("type", event.type())
                .append("runId", event.runId())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("version", event.version())
                .append("topic", topic)
                .append("partition", partition)
                .append("offset", offset)
                .append("receivedAt", Date.from(receivedAt))
                .append("payload", new Document(escape ? (Map<String, Object>) KeyEscaper.escapeKeys(payload) : payload));
        return escape ? record.append(KEYS_ESCAPED, true) : record;
    }
}
