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
    void givenTheRunLevelResolutionsOrATasksPartialResult_whenRead_thenNoStepIsChanged() {
        assertThat(StepFindingRefs.nodeOf("run-1", new FindingsUpdated(null, null, List.of(), List.of("fnd-a")))).isEmpty();
        assertThat(StepFindingRefs.nodeOf("run-1", new FindingsUpdated("run-1:scan:0", "scan",
                List.of(new FindingsUpdated.FindingChange(0, "fnd-a", "new")), List.of()))).isEmpty();
    }
}
