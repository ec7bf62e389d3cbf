package io.reconcraft.audit.query;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;

/** A stored audit record as the read endpoint shows it. */
public record AuditEventView(
        String eventId,
        String type,
        String runId,
        Instant occurredAt,
        int version,
        String topic,
        int partition,
        long offset,
        Instant receivedAt,
        Map<String, Object> payload) {

    static AuditEventView of(Document record) {
        return new AuditEventView(record.getString("_id"), record.getString("type"), record.getString("runId"),
                instant(record.getDate("occurredAt")), record.getInteger("version", 0), record.getString("topic"),
                record.getInteger("partition", -1), ((Number) record.get("offset")).longValue(),
                instant(record.getDate("receivedAt")), record.get("payload", Document.class));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
