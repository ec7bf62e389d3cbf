package io.reconcraft.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.orchestrator.store.TaskDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private static final List<String> THREE_TARGETS = List.of("127.0.0.1", "127.0.0.2", "localhost");

    @Test
    void givenAScanOfThreeTargets_whenPlanning_thenEachTargetIsATaskOfItsOwn() {
        List<TaskDocument> tasks = FanOut.tasks("run-1:scan", "nmap", THREE_TARGETS, List.of(), 1);

        assertThat(tasks).extracting(TaskDocument::stepId, TaskDocument::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple("run-1:scan:0", "127.0.0.1"),
                org.assertj.core.groups.Tuple.tuple("run-1:scan:1", "127.0.0.2"),
                org.assertj.core.groups.Tuple.tuple("run-1:scan:2", "localhost"));
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.status()).isEqualTo("queued");
            assertThat(task.attempt()).isEqualTo(1);
        });
    }

    @Test
    void givenAScanOfOneTarget_whenPlanning_thenItIsOneTaskWithTheStepsOwnId() {
        assertThat(FanOut.tasks("run-1:scan", "nmap", List.of("127.0.0.1"), List.of(), 1))
                .singleElement().satisfies(task -> {
                    assertThat(task.stepId()).isEqualTo("run-1:scan");
                    assertThat(task.target()).isNull();
                });
    }

    @Test
    void givenKindsThatDoNotWorkPerTarget_whenPlanning_thenTheyAreOneTask() {
        for (String kind : List.of("parser", "report", "gitleaks", "slack", "discord")) {
            assertThat(FanOut.tasks("run-1:n", kind, THREE_TARGETS, List.of(), 1)).as(kind).hasSize(1);
        }
    }

    @Test
    void givenAnHttpProbe_whenPlanning_thenItFansOutOnlyWhenNoUpstreamScanFoundHosts() {
        UpstreamOutput scan = new UpstreamOutput("scan", "nmap", Map.of("hosts", List.of(Map.of("address", "127.0.0.1"))),
                List.of());

        assertThat(FanOut.tasks("run-1:probe", "http-probe", THREE_TARGETS, List.of(), 1)).hasSize(3);
        assertThat(FanOut.tasks("run-1:probe", "http-probe", THREE_TARGETS, List.of(scan), 1)).hasSize(1);
    }
}
