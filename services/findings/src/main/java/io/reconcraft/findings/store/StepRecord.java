package io.reconcraft.findings.store;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.model.Finding;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A node's result in a run as this service knows it (latest attempt), with how its findings were sorted.
 * {@code covered} is the targets the step looked at: what its success can resolve.
 */
@Document("steps")
public record StepRecord(
        @Id String id,
        String runId,
        String nodeId,
        String stepId,
        int attempt,
        String status,
        String outcome,
        List<Finding> findings,
        List<String> covered,
        List<FindingsUpdated.FindingChange> changes,
        Instant completedAt) {

    public StepRecord {
        findings = findings == null ? List.of() : findings;
        covered = covered == null ? List.of() : covered;
        changes = changes == null ? List.of() : changes;
    }

    public static String idOf(String runId, String nodeId) {
        return StepId.of(runId, nodeId).wire();
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
