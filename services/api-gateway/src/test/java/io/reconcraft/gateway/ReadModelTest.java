package io.reconcraft.gateway;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.Severity;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReadModelTest extends GatewayTestSupport {

    @Autowired
    EventPublisher publisher;

    @Test
    @SuppressWarnings("unchecked")
    void givenAQueuedRun_whenStepAndRunEventsArrive_thenTheRunViewShowsThem() {
        String runId = startDemoRun();
        Finding openPort = new Finding("f-1", Severity.MEDIUM, "Open port 22/tcp", "ssh is reachable", "ssh", 22,
                "127.0.0.1", "nmap", "nmap:127.0.0.1:22", Map.of("state", "open"));

        publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, null, null));
        publisher.publish(runId, new StepStarted(runId + ":scan", "scan", 1, "runner-a"));
        publisher.publish(runId, new StepLog(runId + ":scan", "scan", 1, List.of("Starting nmap", "22/tcp open ssh")));
        publisher.publish(runId, new StepCompleted(runId + ":scan", "scan", 1, RunStatus.SUCCEEDED, null, null,
                List.of(openPort), Map.of("ports", List.of(22))));
        publisher.publish(runId, new StepCompleted(runId + ":probe", "probe", 1, RunStatus.FAILED, StepOutcome.TIMEOUT, "no answer",
                List.of(), Map.of()));
        publisher.publish(runId, new RunCompleted(RunStatus.FAILED, null, "a step failed", RunSummary.of(List.of(openPort))));

        // Step and run events come from different topics, so their order here is not guaranteed: wait for both.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("failed")
                .jsonPath("$.steps[2].status").isEqualTo("failed")
                .jsonPath("$.steps[1].status").isEqualTo("succeeded"));

        Map<String, Object> run = get("/api/runs/" + runId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        // shown from the view the read model wrote here: its internal fields stay hidden all the same
        assertThat(run).containsKeys("startedAt", "endedAt").doesNotContainKeys("appliedEventIds", "eventSeq",
                "position", "recentEventIds", "admissionGroup");
        assertThat(run.get("duration")).isInstanceOf(Number.class);
        assertThat((Map<String, Object>) run.get("summary")).containsEntry("findingsCount", 1)
                .containsEntry("severities", Map.of("low", 0, "medium", 1, "high", 0, "critical", 0));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) run.get("steps");
        Map<String, Object> scan = steps.get(1);
        assertThat(scan).containsEntry("status", "succeeded").containsKeys("startedAt", "completedAt")
                .containsEntry("logs", List.of("Starting nmap", "22/tcp open ssh"));
        assertThat((List<Map<String, Object>>) scan.get("findings")).singleElement().satisfies(finding ->
                assertThat(finding).containsEntry("severity", "medium").containsEntry("port", 22)
                        .containsEntry("title", "Open port 22/tcp"));
        assertThat(steps.get(2)).containsEntry("status", "failed").containsEntry("outcome", "timeout")
                .containsEntry("logs", List.of("error: no answer"));
        assertThat(steps.get(0)).containsEntry("status", "queued");

        get("/api/runs/" + runId + "/logs?limit=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.logs[0]").isEqualTo("[Port scan] Starting nmap")
                .jsonPath("$.hasMore").isEqualTo(true);
    }

    @Test
    void givenAStepsFindingsFiledByTheFindingsService_whenFindingsUpdatedArrives_thenEachFindingCarriesItsIdAndChange() {
        String runId = startDemoRun();
        Finding ssh = new Finding("f-1", Severity.LOW, "Open port 22/tcp", "ssh", "ssh", 22, "127.0.0.1", "nmap", "fp-22",
                Map.of());
        Finding http = new Finding("f-2", Severity.LOW, "Open port 80/tcp", "http", "http", 80, "127.0.0.1", "nmap",
                "fp-80", Map.of());
        publisher.publish(runId, new StepCompleted(runId + ":scan", "scan", 1, RunStatus.SUCCEEDED, null, null,
                List.of(ssh, http), Map.of()));

        publisher.publish(runId, new FindingsUpdated(runId + ":scan", "scan", List.of(
                new FindingsUpdated.FindingChange(0, "fnd-22", "unchanged"),
                new FindingsUpdated.FindingChange(1, "fnd-80", "new")), List.of()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody()
                .jsonPath("$.steps[1].findings[0].id").isEqualTo("f-1")
                .jsonPath("$.steps[1].findings[0].findingId").isEqualTo("fnd-22")
                .jsonPath("$.steps[1].findings[0].change").isEqualTo("unchanged")
                .jsonPath("$.steps[1].findings[1].findingId").isEqualTo("fnd-80")
                .jsonPath("$.steps[1].findings[1].change").isEqualTo("new")
                .jsonPath("$.steps[1].findings[1].severity").isEqualTo("low"));
    }

    @Test
    void givenAStepThatLogsWithoutEnd_whenItsLinesArrive_thenTheRunViewKeepsTheFirst2000AndSaysWhereTheRestIs() {
        String runId = startDemoRun();
        for (int batch = 0; batch < 5; batch++) {
            List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                lines.add("line " + (batch * 500 + i));
            }
            publisher.publish(runId, new StepLog(runId + ":scan", "scan", 1, lines));
        }
        publisher.publish(runId, new StepLog(runId + ":scan", "scan", 1, List.of("marker")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scanLogs(runId)).hasSize(2001));
        List<String> logs = scanLogs(runId);
        assertThat(logs.get(0)).isEqualTo("line 0");
        assertThat(logs.get(1999)).isEqualTo("line 1999");
        assertThat(logs.get(2000)).contains("GET /api/runs/{id}/events");
        assertThat(logs).doesNotContain("marker");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTheSameEventDeliveredTwice_whenApplied_thenItChangesTheRunOnce() {
        String runId = startDemoRun();
        EventEnvelope logged = EventEnvelope.of(runId, new StepLog(runId + ":scan", "scan", 1, List.of("only once")));
        publisher.publish(logged);
        publisher.publish(logged);
        // Same key, same partition: once the marker is visible, both copies above have been handled.
        publisher.publish(runId, new StepLog(runId + ":scan", "scan", 1, List.of("marker")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scanLogs(runId)).contains("marker"));
        assertThat(scanLogs(runId)).containsExactly("only once", "marker");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenAFannedOutNode_whenItsTasksAndThenItsMergedResultArrive_thenFindingsAreCountedOnce() {
        String runId = startDemoRun();
        Finding first = new Finding("f-a", Severity.LOW, "Open port 22/tcp", "", "ssh", 22, "10.0.0.1", "nmap", "a", Map.of());
        Finding second = new Finding("f-b", Severity.LOW, "Open port 80/tcp", "", "http", 80, "10.0.0.2", "nmap", "b", Map.of());

        publisher.publish(runId, new StepCompleted(runId + ":scan:0", "scan", 1, RunStatus.SUCCEEDED, null, null,
                List.of(first), Map.of()));
        publisher.publish(runId, new StepCompleted(runId + ":scan:1", "scan", 1, RunStatus.SUCCEEDED, null, null,
                List.of(second), Map.of()));
        publisher.publish(runId, new StepCompleted(runId + ":scan", "scan", 1, RunStatus.SUCCEEDED, null, null,
                List.of(first, second), Map.of()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scanStep(runId)).containsEntry("status", "succeeded"));
        assertThat((List<Map<String, Object>>) scanStep(runId).get("findings")).extracting(f -> f.get("id"))
                .containsExactly("f-a", "f-b");
    }

    @Test
    void givenAFailedRun_whenTheOrchestratorRetriesIt_thenItRunsAgainFromItsFailedSteps() {
        String runId = startDemoRun();
        publisher.publish(runId, new StepCompleted(runId + ":scan", "scan", 1, RunStatus.FAILED, StepOutcome.TIMEOUT, "no answer",
                List.of(), Map.of()));
        publisher.publish(runId, new RunCompleted(RunStatus.FAILED, StepOutcome.STEP_FAILED, "scan failed", RunSummary.of(List.of())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("failed"));

        publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, StepOutcome.RETRYING, "retry requested"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("running")
                .jsonPath("$.endedAt").doesNotExist()
                .jsonPath("$.steps[1].status").isEqualTo("queued")
                .jsonPath("$.trigger.type").isEqualTo("retry")
                .jsonPath("$.trigger.scheduleId").doesNotExist());
    }

    @Test
    void givenAFailedRunOfASchedule_whenTheOrchestratorRetriesIt_thenItsTriggerIsRetryAndStillNamesTheSchedule() {
        String workflowId = saveWorkflow("Retried " + System.nanoTime()).get("id").toString();
        String scheduleId = post("/api/schedules", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "cron", "0 3 1 1 *", "runMode", "demo")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String runId = post("/api/schedules/" + scheduleId + "/trigger", Map.of()).exchange().expectStatus()
                .isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        publisher.publish(runId, new RunCompleted(RunStatus.FAILED, StepOutcome.STEP_FAILED, "scan failed", RunSummary.of(List.of())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("failed")
                .jsonPath("$.trigger.type").isEqualTo("api"));

        publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, StepOutcome.RETRYING, "retry requested"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("running")
                .jsonPath("$.trigger.type").isEqualTo("retry")
                .jsonPath("$.trigger.scheduleId").isEqualTo(scheduleId));
        get("/api/runs?workflowId=" + workflowId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].trigger.type").isEqualTo("retry");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scanStep(String runId) {
        Map<String, Object> run = get("/api/runs/" + runId).exchange().expectBody(Map.class).returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) run.get("steps")).get(1);
    }

    @SuppressWarnings("unchecked")
    private List<String> scanLogs(String runId) {
        Map<String, Object> run = get("/api/runs/" + runId).exchange().expectBody(Map.class).returnResult()
                .getResponseBody();
        return (List<String>) ((List<Map<String, Object>>) run.get("steps")).get(1).get("logs");
    }
}
