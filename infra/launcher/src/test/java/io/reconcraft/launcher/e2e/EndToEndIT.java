package io.reconcraft.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static io.reconcraft.launcher.e2e.E2eWorkflows.QUICK_NMAP;
import static io.reconcraft.launcher.e2e.E2eWorkflows.START;
import static io.reconcraft.launcher.e2e.E2eWorkflows.edge;
import static io.reconcraft.launcher.e2e.E2eWorkflows.node;
import static io.reconcraft.launcher.e2e.E2eWorkflows.sampleWith;
import static org.awaitility.Awaitility.await;

import io.reconcraft.launcher.stack.ServiceName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.reconcraft.launcher.demo.SampleWorkflow;
import tools.jackson.databind.JsonNode;

/**
 * The five packaged services on a real Kafka broker and the embedded MongoDB-wire server, started
 * by the same launcher a user runs, driven only through their HTTP APIs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

    private E2eStack e2e;
    private Api api;
    private Api audit;
    private EventTap tap;

    @BeforeAll
    void startTheStack(@TempDir Path home) {
        e2e = E2eStack.start(home, Duration.ofMinutes(3), E2eStack.PROCESSES);
        api = e2e.api;
        audit = e2e.audit();
        tap = EventTap.start(e2e.config.kafkaBootstrap());
    }

    @AfterAll
    void stopTheStack() {
        if (tap != null) {
            tap.close();
        }
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void givenASavedWorkflow_whenRunInDemoMode_thenEveryStepSucceedsWithLogsFindingsAndSummary_andAuditHoldsEachEventOnce() {
        JsonNode saved = api.post("/workflows", SampleWorkflow.body()).expect(201).json();
        String workflowId = saved.get("id").asString();
        assertThat(api.get("/workflows/" + workflowId).expect(200).json().get("nodes")).hasSize(4);

        JsonNode accepted = api.post("/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).expect(201).json();
        String runId = accepted.get("id").asString();
        assertThat(accepted.get("status").asString()).isEqualTo("queued");
        assertThat(Instant.parse(accepted.get("startedAt").asString())).isBefore(Instant.now().plusSeconds(1));

        JsonNode run = awaitFinished(runId);

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("workflowId").asString()).isEqualTo(workflowId);
        assertThat(Instant.parse(run.get("endedAt").asString())).isAfterOrEqualTo(Instant.parse(run.get("startedAt").asString()));
        JsonNode steps = run.get("steps");
        assertThat(steps).hasSize(4);
        Map<String, JsonNode> byNode = new HashMap<>();
        steps.forEach(step -> byNode.put(step.get("nodeId").asString(), step));
        assertThat(byNode.values()).allSatisfy(step -> assertThat(step.get("status").asString()).isEqualTo("succeeded"));
        assertThat(byNode.get("nmap").get("logs").size()).isGreaterThan(1);
        assertThat(byNode.get("nmap").get("findings").size()).isGreaterThan(0);
        assertThat(byNode.get("gitleaks").get("findings")).allSatisfy(finding -> {
            assertThat(finding.get("severity").asString()).isEqualTo("high");
            assertThat(finding.get("metadata").get("secret").asString()).matches(".{0,4}…REDACTED");
        });

        Map<String, Integer> bySeverity = new HashMap<>();
        steps.forEach(step -> step.get("findings").forEach(f -> bySeverity.merge(f.get("severity").asString(), 1, Integer::sum)));
        JsonNode summary = run.get("summary");
        assertThat(summary.get("findingsCount").asInt()).isEqualTo(bySeverity.values().stream().mapToInt(i -> i).sum());
        for (String severity : List.of("low", "medium", "high", "critical")) {
            assertThat(summary.get("severities").get(severity).asInt()).isEqualTo(bySeverity.getOrDefault(severity, 0));
        }
        assertThat(api.get("/runs?workflowId=" + workflowId).expect(200).json())
                .anySatisfy(listed -> assertThat(listed.get("id").asString()).isEqualTo(runId));

        // RunRequested, RunStatusChanged, RunCompleted, and per tool step StepRequested/Started/Log/Completed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tap.eventIdsOfRun(runId)).hasSizeGreaterThanOrEqualTo(3 + 3 * 4));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode records = audit.get("/audit/events?runId=" + runId).expect(200).json();
            List<String> audited = new java.util.ArrayList<>();
            records.forEach(record -> audited.add(record.get("eventId") != null
                    ? record.get("eventId").asString() : record.get("id").asString()));
            assertThat(audited).doesNotHaveDuplicates();
            assertThat(Set.copyOf(audited)).isEqualTo(tap.eventIdsOfRun(runId));
        });
    }

    @Test
    void givenAnInlineWorkflow_whenExecuted_thenItRunsToSuccess() {
        JsonNode accepted = api.post("/runs/execute", Map.of("workflow", SampleWorkflow.body(),
                "targets", List.of("scanme.example.test"), "runMode", "demo", "authorizeTargets", false))
                .expect(201).json();
        assertThat(accepted.get("status").asString()).isEqualTo("queued");

        JsonNode run = awaitFinished(accepted.get("runId").asString());

        assertThat(run.get("status").asString()).isEqualTo("succeeded");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"workflowId\": ",
            "{\"workflowId\":\"no-such-workflow\",\"targets\":[\"127.0.0.1\"],\"runMode\":\"demo\"}",
            "{\"workflowId\":\"%s\",\"targets\":[],\"runMode\":\"demo\"}",
            "{\"workflowId\":\"%s\",\"targets\":[\"127.0.0.1;id\"],\"runMode\":\"demo\"}"})
    void givenBadInput_whenARunIsRequested_thenA4xxProblemIsAnsweredAndTheGatewayStaysUp(String body) {
        String workflowId = api.post("/workflows", SampleWorkflow.body()).expect(201).json().get("id").asString();

        Api.Response response = api.postRaw("/runs", body.formatted(workflowId));

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(api.get("/health").expect(200).json().get("status").asString()).isEqualTo("healthy");
    }

    @Test
    void givenARunWaitingOnADelay_whenTheOrchestratorIsKilledAndRestarted_thenTheRunFinishesWithEveryStepRunOnce() {
        Map<String, Object> workflow = sampleWith("e2e crash safety",
                List.of(START, QUICK_NMAP, node("wait", "delay", Map.of("duration", "4")),
                        node("probe", "http-probe", Map.of("timeout", 5, "followRedirects", true))),
                List.of(edge("start", "nmap"), edge("nmap", "wait"), edge("wait", "probe")));
        String workflowId = api.post("/workflows", workflow).expect(201).json().get("id").asString();
        String runId = api.post("/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).expect(201).json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> e2e.stepStatus(runId, "wait").equals("running"));

        e2e.stack.crash(ServiceName.RUN_ORCHESTRATOR);
        e2e.stack.restart(ServiceName.RUN_ORCHESTRATOR);

        JsonNode run = awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        run.get("steps").forEach(step -> assertThat(step.get("status").asString()).isEqualTo("succeeded"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> requested = new java.util.ArrayList<>();
            audit.get("/audit/events?runId=" + runId + "&type=StepRequested").expect(200).json()
                    .forEach(record -> requested.add(record.get("payload").get("nodeId").asString()));
            assertThat(requested).containsExactlyInAnyOrder("nmap", "probe");
        });
    }

    @Test
    void givenASlackNodeWithOnlyNew_whenTheSameScanRunsTwice_thenTheFirstAlertIsAboutItsFindingsAndTheSecondSaysNothingIsNew() {
        Map<String, Object> workflow = sampleWith("e2e onlyNew",
                List.of(START, QUICK_NMAP, node("alert", "slack", Map.of("message", "New: {{findings}}", "onlyNew", true))),
                List.of(edge("start", "nmap"), edge("nmap", "alert")));
        String workflowId = api.post("/workflows", workflow).expect(201).json().get("id").asString();
        // a host no other test scans, so every finding of the first run is new
        String target = "onlynew-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        Map<String, Object> request = Map.of("workflowId", workflowId, "targets", List.of(target), "runMode", "demo",
                "authorizeTargets", false);

        JsonNode first = awaitFinished(api.post("/runs", request).expect(201).json().get("id").asString());
        JsonNode second = awaitFinished(api.post("/runs", request).expect(201).json().get("id").asString());

        assertThat(first.get("status").asString()).isEqualTo("succeeded");
        int found = stepOf(first, "nmap").get("findings").size();
        assertThat(found).isPositive();
        assertThat(logsOf(stepOf(first, "alert"))).anyMatch(line -> line.startsWith("onlyNew: " + found + " of " + found + " "))
                .contains("demo mode: slack message not sent");
        assertThat(second.get("status").asString()).isEqualTo("succeeded");
        assertThat(logsOf(stepOf(second, "alert"))).anyMatch(line -> line.startsWith("onlyNew: 0 of " + found + " "))
                .contains("nothing new: no slack message sent");
    }

    private static JsonNode stepOf(JsonNode run, String nodeId) {
        for (JsonNode step : run.get("steps")) {
            if (step.get("nodeId").asString().equals(nodeId)) {
                return step;
            }
        }
        throw new AssertionError("no step " + nodeId + " in " + run);
    }

    private static List<String> logsOf(JsonNode step) {
        List<String> lines = new java.util.ArrayList<>();
        step.get("logs").forEach(line -> lines.add(line.isString() ? line.asString() : line.toString()));
        return lines;
    }

    private JsonNode awaitFinished(String runId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/runs/" + runId).expect(200).json(),
                        run -> Set.of("succeeded", "failed").contains(run.get("status").asString()));
    }
}
