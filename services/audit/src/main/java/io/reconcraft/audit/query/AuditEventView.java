package io.reconcraft.audit.query;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;

/** A stored audit record as the read endpoint shows it, chain fields included (null on records from before the chain). */
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
        Long sequence,
        String previousHash,
        String hash,
        Map<String, Object> payload) {

    static AuditEventView of(Document record) {
        Object sequence = record.get("sequence");
        return new AuditEventView(record.getString("_id"), record.getString("type"), record.getString("runId"),
                instant(record.getDate("occurredAt")), record.getInteger("version", 0), record.getString("topic"),
                record.getInteger("partition", -1), ((Number) record.get("offset")).longValue(),
                instant(record.getDate("receivedAt")), sequence == null ? null : ((Number) sequence).longValue(),
                record.getString("previousHash"), record.getString("hash"), record.get("payload", Document.class));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
