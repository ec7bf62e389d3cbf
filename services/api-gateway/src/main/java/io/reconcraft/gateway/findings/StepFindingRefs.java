package io.reconcraft.gateway.findings;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.FindingsUpdated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a FindingsUpdated changes in the run read model: on the step of its node, each listed finding (by its
 * index in the step's findings) gains {@code findingId} and {@code change}. Pure, so any read model can apply it.
 */
public final class StepFindingRefs {

    private StepFindingRefs() {
    }

    /** The node whose findings the update describes; empty for the run-level update that lists resolutions. */
    public static Optional<String> nodeOf(String runId, FindingsUpdated updated) {
        if (updated.nodeId() == null || updated.findings().isEmpty()) {
            return Optional.empty();
        }
        // Only a node's own result is sorted (a fanned-out task's partial result never is).
        if (!StepId.isNodeResult(runId, updated.nodeId(), updated.stepId())) {
            return Optional.empty();
        }
        return Optional.of(updated.nodeId());
    }

    /** The step's findings with each listed one (by its index) carrying its stored finding's id and change. */
    public static List<StepFinding> applyTo(List<StepFinding> findings, FindingsUpdated updated) {
        List<StepFinding> filed = new ArrayList<>(findings);
        for (FindingsUpdated.FindingChange change : updated.findings()) {
            if (change.index() >= 0 && change.index() < filed.size()) {
                filed.set(change.index(), filed.get(change.index()).filedAs(change.findingId(), change.change()));
            }
        }
        return filed;
    }
}
