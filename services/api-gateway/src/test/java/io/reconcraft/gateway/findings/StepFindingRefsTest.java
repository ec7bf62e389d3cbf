package io.reconcraft.gateway.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepFindingRefsTest {

    @Test
    void givenANodesFindingsFiled_whenRead_thenEachIndexGetsItsFindingIdAndChange() {
        FindingsUpdated updated = new FindingsUpdated("run-1:scan", "scan", List.of(
                new FindingsUpdated.FindingChange(0, "fnd-a", "new"),
                new FindingsUpdated.FindingChange(2, "fnd-b", "reopened"),
                new FindingsUpdated.FindingChange(7, "fnd-x", "new")), List.of());

        List<StepFinding> reported = List.of(finding("f-0"), finding("f-1"), finding("f-2"));

        assertThat(StepFindingRefs.nodeOf("run-1", updated)).contains("scan");
        assertThat(StepFindingRefs.applyTo(reported, updated))
                .extracting(StepFinding::id, StepFinding::findingId, StepFinding::change)
                .containsExactly(tuple("f-0", "fnd-a", "new"), tuple("f-1", null, null),
                        tuple("f-2", "fnd-b", "reopened"));
    }

    private static StepFinding finding(String id) {
        return StepFinding.of(new Finding(id, Severity.LOW, "Open port 22/tcp", "", "ssh", 22, "127.0.0.1", "nmap",
                "fp-" + id, Map.of()));
    }

    @Test
    void givenTheRunLevelResolutionsOrATasksPartialResult_whenRead_thenNoStepIsChanged() {
        assertThat(StepFindingRefs.nodeOf("run-1", new FindingsUpdated(null, null, List.of(), List.of("fnd-a")))).isEmpty();
        assertThat(StepFindingRefs.nodeOf("run-1", new FindingsUpdated("run-1:scan:0", "scan",
                List.of(new FindingsUpdated.FindingChange(0, "fnd-a", "new")), List.of()))).isEmpty();
    }
}
