package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.WorkflowEdge;
import java.util.Optional;

/** The branch of a condition an edge belongs to: its {@code sourceHandle} or {@code label} "true"/"false". */
public final class EdgeBranch {

    private EdgeBranch() {
    }

    /** Empty for an edge that carries no branch, which is taken whatever the condition decided. */
    public static Optional<Boolean> of(WorkflowEdge edge) {
        return parse(edge.sourceHandle()).or(() -> parse(edge.label()));
    }

    private static Optional<Boolean> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (text.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
