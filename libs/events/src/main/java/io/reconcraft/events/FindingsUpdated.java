package io.reconcraft.events;

import java.util.List;

/**
 * The findings service sorted a step's findings against what it stored before: for each finding of the step
 * (by its index in the step's findings) the stored finding's id and its change in this run
 * ({@code new | reopened | unchanged}). At the end of a run one more, with no step, lists the ids of the
 * findings the run {@code resolved}.
 */
public record FindingsUpdated(String stepId, String nodeId, List<FindingChange> findings, List<String> resolved)
        implements EventPayload {

    public FindingsUpdated {
        findings = findings == null ? List.of() : List.copyOf(findings);
        resolved = resolved == null ? List.of() : List.copyOf(resolved);
    }

    /** @param index place of the finding in the step's findings */
    public record FindingChange(int index, String findingId, String change) {
    }
}
