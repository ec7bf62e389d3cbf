package io.reconcraft.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepJson;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskMergeTest {

    @Test
    void givenThreeSucceededScanTasks_whenMerged_thenHostsAndFindingsAreConcatenatedAndEachTaskIsKept() {
        StepDocument step = step(
                ended("r:scan:0", "127.0.0.1", "succeeded", null, null, List.of(finding("f1")), Map.of("hosts",
                        List.of(Map.of("address", "127.0.0.1")), "profile", "quick")),
                ended("r:scan:1", "127.0.0.2", "succeeded", null, null, List.of(), Map.of("hosts",
                        List.of(Map.of("address", "127.0.0.2")), "profile", "quick")),
                ended("r:scan:2", "127.0.0.3", "succeeded", null, null, List.of(finding("f3")), Map.of("hosts",
                        List.of(Map.of("address", "127.0.0.3")))));

        StepResult merged = TaskMerge.merge(step);

        assertThat(merged.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(merged.findings()).extracting(Finding::id).containsExactly("f1", "f3");
        assertThat(merged.outputs().get("hosts")).isEqualTo(List.of(Map.of("address", "127.0.0.1"),
                Map.of("address", "127.0.0.2"), Map.of("address", "127.0.0.3")));
        assertThat(merged.outputs()).containsEntry("profile", "quick");
        List<?> tasks = (List<?>) merged.outputs().get("tasks");
        assertThat(tasks).hasSize(3);
        Map<?, ?> first = (Map<?, ?>) tasks.get(0);
        assertThat(first.get("target")).isEqualTo("127.0.0.1");
        assertThat(first.get("stepId")).isEqualTo("r:scan:0");
        assertThat(first.get("outputs")).isEqualTo(Map.of("hosts", List.of(Map.of("address", "127.0.0.1")),
                "profile", "quick"));
    }

    @Test
    void givenOneFailedTask_whenMerged_thenTheStepFailsWithTheTaskOutcomeAndTheTargetInTheError() {
        StepDocument step = step(
                ended("r:scan:0", "127.0.0.1", "succeeded", null, null, List.of(finding("f1")), Map.of()),
                ended("r:scan:1", "127.0.0.2", "failed", "timeout", "no answer in 600 s", List.of(), Map.of()));

        StepResult merged = TaskMerge.merge(step);

        assertThat(merged.status()).isEqualTo(RunStatus.FAILED);
        assertThat(merged.outcome()).isEqualTo("timeout");
        assertThat(merged.error()).isEqualTo("1 of 2 tasks failed: 127.0.0.2 (no answer in 600 s)");
        assertThat(merged.findings()).extracting(Finding::id).containsExactly("f1");
    }

    @Test
    void givenASingleTask_whenMerged_thenItsResultIsTheStepsResultUnchanged() {
        StepDocument step = step(ended("r:scan", null, "succeeded", null, null, List.of(finding("f1")),
                Map.of("hosts", List.of())));

        StepResult merged = TaskMerge.merge(step);

        assertThat(merged.outputs()).isEqualTo(Map.of("hosts", List.of()));
        assertThat(merged.findings()).extracting(Finding::id).containsExactly("f1");
    }

    private static StepDocument step(TaskDocument... tasks) {
        return new StepDocument("scan", "nmap", "Scan", "running", null, 1, null, null, null, null, null, null, null,
                null, List.of(tasks));
    }

    private static TaskDocument ended(String stepId, String target, String status, String outcome, String error,
                                      List<Finding> findings, Map<String, Object> outputs) {
        return new TaskDocument(stepId, target, status, 1, 0, null, null, null, null, outcome, error,
                StepJson.write(findings), StepJson.write(outputs), null, false, List.of());
    }

    private static Finding finding(String id) {
        return new Finding(id, Severity.LOW, "open port", "seen", "ssh", 22, "127.0.0.1", "nmap", "fp-" + id, Map.of());
    }
}
