package io.reconcraft.findings.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One entry of a run's timeline, keyed by the event it came from, so a redelivery writes it again, not twice. */
@Document("timeline")
public record TimelineRecord(@Id String eventId, String runId, Instant at, String stepId, String nodeId, String kind,
                             String status, String message) {
}
