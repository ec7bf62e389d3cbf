package io.reconcraft.gateway.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.FindingsUpdated;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepFindingRefsTest {

    @Test
    void givenANodesFindingsFiled_whenRead_thenEachIndexGetsItsFindingIdAndChange() {
        FindingsUpdated updated = new FindingsUpdated("run-1:scan", "scan", List.of(
                new FindingsUpdated.FindingChange(0, "fnd-a", "new"),
                new FindingsUpdated.FindingChange(2, "fnd-b", "reopened")), List.of());

        assertThat(StepFindingRefs.nodeOf("run-1", updated)).contains("scan");
        assertThat(StepFindingRefs.fieldsOf(updated)).containsExactly(
                java.util.Map.entry("findings.0.findingId", "fnd-a"), java.util.Map.entry("findings.0.change", "new"),
                java.util.Map.entry("findings.2.findingId", "fnd-b"), java.util.Map.entry("findings.2.change", "reopened"));
    }

    @Test
    void givenAStepsFindingsInMemory_whenTheUpdateIsApplied_thenTheListedOnesCarryTheirRefsAndNothingElseMoves() {
        List<StepFinding> findings = StepFinding.of(List.of(finding("f-1"), finding("f-2"), finding("f-3")));
        FindingsUpdated updated = new FindingsUpdated("run-1:scan", "scan", List.of(
                new FindingsUpdated.FindingChange(1, "fnd-b", "new"),
                new FindingsUpdated.FindingChange(7, "fnd-x", "new")), List.of());

        List<StepFinding> applied = StepFindingRefs.apply(findings, updated);

        assertThat(applied).extracting(StepFinding::id).containsExactly("f-1", "f-2", "f-3");
        assertThat(applied).extracting(StepFinding::findingId).containsExactly(null, "fnd-b", null);
        assertThat(applied).extracting(StepFinding::change).containsExactly(null, "new", null);
    }

    private static io.reconcraft.events.model.Finding finding(String id) {
        return new io.reconcraft.events.model.Finding(id, io.reconcraft.events.model.Severity.LOW, "t", "d", null, null,
                "127.0.0.1", "nmap", "fp-" + id, java.util.Map.of());
    }

    @Test
    void givenTheRunLevelResolutionsOrATasksPartialResult_whenRead_thenNoStepIsChanged() {
        assertThat(StepFindingRefs.nodeOf("run-1", new FindingsUpdated(null, null, List.of(), List.of("fnd-a")))).isEmpty();
        assertThat(StepFindingRefs.nodeOf("run-1", new FindingsUpdated("run-1:scan:0", "scan",
                List.of(new FindingsUpdated.FindingChange(0, "fnd-a", "new")), List.of()))).isEmpty();
    }
}
