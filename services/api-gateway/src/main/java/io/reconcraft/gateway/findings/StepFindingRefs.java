package io.reconcraft.gateway.findings;

import io.reconcraft.events.FindingsUpdated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        if (updated.stepId() != null && !updated.stepId().equals(runId + ":" + updated.nodeId())) {
            return Optional.empty();
        }
        return Optional.of(updated.nodeId());
    }

    /** The step's findings with the update's refs set on them (for a read model that changes steps in memory). */
    public static List<StepFinding> apply(List<StepFinding> findings, FindingsUpdated updated) {
        List<StepFinding> changed = new ArrayList<>(findings);
        for (FindingsUpdated.FindingChange change : updated.findings()) {
            if (change.index() >= 0 && change.index() < changed.size()) {
                StepFinding f = changed.get(change.index());
                changed.set(change.index(), new StepFinding(f.id(), f.severity(), f.title(), f.description(),
                        f.service(), f.port(), f.target(), f.tool(), f.fingerprint(), f.metadata(),
                        change.findingId(), change.change()));
            }
        }
        return changed;
    }

    /** Paths relative to the step, such as {@code findings.2.findingId}, and the values to set there. */
    public static Map<String, Object> fieldsOf(FindingsUpdated updated) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FindingsUpdated.FindingChange change : updated.findings()) {
            if (change.index() < 0) {
                continue;
            }
            fields.put("findings." + change.index() + ".findingId", change.findingId());
            fields.put("findings." + change.index() + ".change", change.change());
        }
        return fields;
    }
}
