package io.reconcraft.findings.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A report step this service accepted: WAITING until the results of its upstream steps have arrived here too
 * (requests and results travel on different topics), WRITING while an instance holds it until {@code claimedUntil},
 * then DONE or CANCELLED.
 */
@Document("reportSteps")
public record ReportStep(
        @Id String id,
        String runId,
        String stepId,
        String nodeId,
        String name,
        int attempt,
        Map<String, Object> config,
        List<String> upstreamNodeIds,
        Instant receivedAt,
        String status,
        Instant claimedUntil) {

    public static final String WAITING = "WAITING";
    public static final String WRITING = "WRITING";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    public ReportStep {
        config = config == null ? Map.of() : config;
        upstreamNodeIds = upstreamNodeIds == null ? List.of() : upstreamNodeIds;
    }

    public static String idOf(String stepId, int attempt) {
        return stepId + "#" + attempt;
    }
}
