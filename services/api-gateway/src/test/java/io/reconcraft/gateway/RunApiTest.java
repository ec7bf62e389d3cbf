package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.RunMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RunApiTest extends GatewayTestSupport {

    @Test
    void givenADiscordIntegration_whenARunHasADiscordNodeWithoutItsOwnWebhook_thenTheRunCarriesTheIntegrationsUrl() {
        String integrationUrl = "https://discord.com/api/webhooks/42/run-test-token";
        post("/api/integrations/discord", Map.of("webhookUrl", integrationUrl, "enabled", true)).exchange()
                .expectStatus().isOk();
        String ownUrl = "https://discord.com/api/webhooks/7/own-token";
        Map<String, Object> workflow = Map.of("name", "Alerts", "nodes", List.of(
                        node("start", "start", Map.of()),
                        node("tell", "discord", Map.of("message", "{{findings}}")),
                        node("own", "discord", Map.of("webhookUrl", ownUrl, "message", "hi"))),
                "edges", List.of(Map.of("id", "e1", "source", "start", "target", "tell"),
                        Map.of("id", "e2", "source", "start", "target", "own")));

        String runId = post("/api/runs/execute", Map.of("workflow", workflow, "targets", List.of("127.0.0.1"),
                        "runMode", "demo")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("runId").toString();

        RunRequested requested = TopicReader.awaitEventFor(KAFKA.getBrokersAsString(), Topics.RUN_REQUESTS, runId)
                .payloadAs(RunRequested.class);
        assertThat(requested.workflow().nodes()).extracting(n -> n.config().get("webhookUrl"))
                .containsExactly(null, integrationUrl, ownUrl);
        get("/api/runs/" + runId).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("run-test-token"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenRunsWaitingForAdmission_whenEachIsRead_thenItShowsItsPlaceInItsSubmittersQueue() {
        String workflowId = saveWorkflow("Queued scans").get("id").toString();
        List<Integer> places = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String runId = startRun(workflowId, ADMIN_KEY);
            places.add(queuePositionOf(runId));
        }
        Map<String, Object> operator = post("/api/auth/api-keys", Map.of("name", "queue-operator", "role", "operator"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        String otherSubmittersRun = startRun(workflowId, operator.get("key").toString());

        assertThat(places.get(1)).isEqualTo(places.get(0) + 1);
        assertThat(places.get(2)).isEqualTo(places.get(0) + 2);
        assertThat(queuePositionOf(otherSubmittersRun)).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private String startRun(String workflowId, String key) {
        return http.post().uri("/api/runs").header("X-API-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"), "runMode", "demo"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id").toString();
    }

    private int queuePositionOf(String runId) {
        Object place = get("/api/runs/" + runId).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("queuePosition");
        assertThat(place).as("queuePosition of queued run %s", runId).isInstanceOf(Integer.class);
        return (Integer) place;
    }

    private static Map<String, Object> node(String id, String kind, Map<String, Object> config) {
        return Map.of("id", id, "kind", kind, "label", id, "category", "output", "config", config,
                "position", Map.of("x", 0, "y", 0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenASavedWorkflow_whenADemoRunIsRequested_thenItIsQueuedAndARunRequestedIsOnTheTopic() {
        String workflowId = saveWorkflow("Demo scan").get("id").toString();

        Map<String, Object> run = post("/api/runs", Map.of("workflowId", workflowId,
                        "targets", List.of("127.0.0.1", "Scanme.Example.org"), "runMode", "demo",
                        "authorizeTargets", false))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(run).containsEntry("status", "queued").containsEntry("workflowId", workflowId)
                .containsEntry("workflowName", "Demo scan").containsEntry("runMode", "demo")
                .containsEntry("targets", List.of("127.0.0.1", "scanme.example.org"))
                .containsKey("startedAt").doesNotContainKey("appliedEventIds");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) run.get("steps");
        assertThat(steps).extracting(s -> s.get("nodeId")).containsExactly("start", "scan", "probe");
        assertThat(steps).extracting(s -> s.get("name")).containsExactly("Start", "Port scan", "HTTP probe");
        assertThat(steps).allSatisfy(step -> assertThat(step).containsEntry("status", "queued")
                .containsEntry("logs", List.of()).containsEntry("findings", List.of()));

        String runId = run.get("id").toString();
        EventEnvelope event = TopicReader.awaitEventFor(KAFKA.getBrokersAsString(), Topics.RUN_REQUESTS, runId);
        RunRequested requested = event.payloadAs(RunRequested.class);
        assertThat(event.runId()).isEqualTo(runId);
        assertThat(requested.runMode()).isEqualTo(RunMode.DEMO);
        assertThat(requested.targets()).containsExactly("127.0.0.1", "scanme.example.org");
        assertThat(requested.workflow().id()).isEqualTo(workflowId);
        assertThat(requested.workflow().nodes()).hasSize(3);
        assertThat(requested.requestedBy()).isNotBlank();

        get("/api/runs/" + runId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("queued");
    }

    @Test
    void givenMalformedJson_whenARunIsRequested_thenA400ProblemIsAnswered() {
        postRaw("/api/runs", "{\"workflowId\": \"x\", \"targets\": [").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Bad Request")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("malformed JSON"))
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void givenAWrongTypeForTargets_whenARunIsRequested_thenA400NamesTheField() {
        postRaw("/api/runs", "{\"workflowId\":\"x\",\"targets\":{\"a\":1},\"runMode\":\"demo\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("targets")
                .jsonPath("$.errors[0].message").isEqualTo("wrong type: expected an array");
    }

    @Test
    void givenNoBody_whenAnInlineRunIsRequested_thenA400() {
        http.post().uri("/api/runs/execute").header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void givenAnUnknownWorkflowId_whenARunIsRequested_thenA404ProblemIsAnswered() {
        post("/api/runs", Map.of("workflowId", "no-such-workflow", "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("no-such-workflow"));
    }

    @Test
    void givenAnEmptyTargetList_whenARunIsRequested_thenA400NamesTheTargetsField() {
        String workflowId = saveWorkflow("Empty targets").get("id").toString();
        post("/api/runs", Map.of("workflowId", workflowId, "targets", List.of(), "runMode", "demo")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("targets");
    }

    @Test
    void givenATargetWithShellMetacharacters_whenARunIsRequested_thenA400NamesThatEntry() {
        String workflowId = saveWorkflow("Injection").get("id").toString();
        post("/api/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1;id"), "runMode", "demo"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("targets[0]")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("127.0.0.1;id"));
    }

    @Test
    void givenAnUnknownRunMode_whenARunIsRequested_thenA400NamesTheRunModeField() {
        postRaw("/api/runs", "{\"workflowId\":\"x\",\"targets\":[\"127.0.0.1\"],\"runMode\":\"turbo\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("runMode")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("live, demo"));
    }

    @Test
    void givenALiveRunWithATargetOutsideTheAuthorizedList_whenRequested_thenA403NamesEachOutsideTarget() {
        String workflowId = saveWorkflow("Live scan").get("id").toString();
        post("/api/targets", Map.of("value", "127.0.0.0/24")).exchange().expectStatus().isCreated();

        post("/api/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.5", "10.9.9.9"),
                "runMode", "live", "authorizeTargets", true)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("targets[1]")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("10.9.9.9"));
    }

    @Test
    void givenALiveGitleaksRunOnARepositoryHostNobodyAuthorized_whenRequested_thenA403NamesTheHost() {
        post("/api/targets", Map.of("value", "127.0.0.1")).exchange();
        Map<String, Object> workflow = Map.of("name", "Secrets", "authorizedTargets", true,
                "nodes", List.of(node("start", "start", "Start", Map.of()),
                        node("leaks", "gitleaks", "Secrets", Map.of("repoUrl", "https://git.internal.corp/team/app.git",
                                "branch", "main"))),
                "edges", List.of(Map.of("id", "e1", "source", "start", "target", "leaks")));

        post("/api/runs/execute", Map.of("workflow", workflow, "targets", List.of("127.0.0.1"), "runMode", "live",
                "authorizeTargets", true)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].field").value(String.class, f -> assertThat(f)
                        .endsWith("nodes[1].config.repoUrl"))
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("git.internal.corp"));
    }

    @Test
    void givenALiveRunWithoutConsent_whenRequested_thenA403() {
        String workflowId = saveWorkflow("No consent").get("id").toString();
        post("/api/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "live", "authorizeTargets", false)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("authorizeTargets");
    }

    @Test
    void givenAnInlineWorkflow_whenExecuted_thenTheRunIsQueuedAndReadable() {
        Map<String, Object> body = Map.of("workflow", scanWorkflow("Inline"), "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = post("/api/runs/execute", body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).containsEntry("status", "queued").containsKeys("runId", "message");

        get("/api/runs/" + answer.get("runId")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.workflowName").isEqualTo("Inline")
                .jsonPath("$.steps.length()").isEqualTo(3);
    }

    @Test
    void givenAnInlineWorkflowWithAProblem_whenExecuted_thenTheFieldIsPrefixedWithWorkflow() {
        Map<String, Object> workflow = Map.of("name", "Bad inline",
                "nodes", List.of(node("x", "warp-drive", "X", Map.of())), "edges", List.of());
        post("/api/runs/execute", Map.of("workflow", workflow, "targets", List.of("127.0.0.1"), "runMode", "demo"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("workflow.nodes[0].kind");
    }

    @Test
    void givenRunsExist_whenListed_thenNewestFirstWithATotalCountHeader() {
        String workflowId = saveWorkflow("Listed").get("id").toString();
        for (int i = 0; i < 3; i++) {
            post("/api/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0." + (i + 1)),
                    "runMode", "demo")).exchange().expectStatus().isCreated();
        }
        get("/api/runs?workflowId=" + workflowId + "&limit=2").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].targets[0]").isEqualTo("127.0.0.3");
        get("/api/runs?status=paused").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }
}
