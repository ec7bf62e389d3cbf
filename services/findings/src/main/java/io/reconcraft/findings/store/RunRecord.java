package io.reconcraft.findings.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a run: from RunRequested its workflow and targets (and each node's kind and own
 * targets), from RunCompleted its end. {@code resolvedApplied} records that the run's resolutions were written.
 */
@Document("runs")
public record RunRecord(
        @Id String id,
        String workflowId,
        String workflowName,
        List<String> targets,
        Map<String, NodeInfo> nodes,
        Instant startedAt,
        Instant completedAt,
        String status,
        boolean resolvedApplied) {

    public RunRecord {
        targets = targets == null ? List.of() : targets;
        nodes = nodes == null ? Map.of() : nodes;
    }

    public record NodeInfo(String kind, String label, List<String> targets) {
        public NodeInfo {
            targets = targets == null ? List.of() : targets;
        }
    }

    public boolean finished() {
        return completedAt != null;
    }
}
