package io.reconcraft.orchestrator.run;

import io.reconcraft.events.model.RunStatus;
import java.time.Instant;

/**
 * The state of one node of a run. Findings and outputs are kept as JSON text: they come from tools
 * (untrusted, any map keys, including ones MongoDB field names cannot hold) and are only ever read back whole.
 *
 * @param deadline        after this instant a running step is failed with outcome {@code timeout}
 * @param dueAt           for a waiting delay step, when it is due
 * @param conditionResult for a finished condition step, which branch it chose
 */
public record StepDocument(
        String nodeId,
        String kind,
        String name,
        String status,
        String outcome,
        int attempt,
        Instant requestedAt,
        Instant deadline,
        Instant dueAt,
        Instant completedAt,
        String error,
        String findingsJson,
        String outputsJson,
        Boolean conditionResult) {

    public static StepDocument queued(String nodeId, String kind, String name) {
        return new StepDocument(nodeId, kind, name, RunStatus.QUEUED.wireName(), null, 1,
                null, null, null, null, null, null, null, null);
    }

    public RunStatus runStatus() {
        return RunStatus.fromWire(status);
    }

    public boolean isTerminal() {
        return runStatus().isTerminal();
    }
}
