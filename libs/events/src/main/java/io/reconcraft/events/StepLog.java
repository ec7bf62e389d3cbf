package io.reconcraft.events;

import java.util.List;

/** A batch of log lines from a running step, in order. */
public record StepLog(String stepId, String nodeId, int attempt, List<String> lines) implements EventPayload {

    public StepLog {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
