package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class WorkflowApiTest extends GatewayTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void givenAValidWorkflow_whenSavedReadUpdatedDuplicatedAndDeleted_thenEachAnswersInTheStudioShape() {
        Map<String, Object> created = saveWorkflow("Perimeter sweep");
        String id = created.get("id").toString();
        assertThat(created).containsEntry("name", "Perimeter sweep").containsEntry("authorizedTargets", true)
                .containsKeys("createdAt", "updatedAt");
        assertThat((List<Map<String, Object>>) created.get("nodes")).extracting(n -> n.get("kind"))
                .containsExactly("start", "nmap", "http-probe");

        get("/api/workflows/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Perimeter sweep")
                .jsonPath("$.nodes[1].config.flags").isEqualTo("-sV")
                .jsonPath("$.edges[1].target").isEqualTo("probe")
                .jsonPath("$.createdAt").value(String.class, at -> assertThat(at).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));

        Map<String, Object> renamed = new java.util.HashMap<>(scanWorkflow("Perimeter sweep v2"));
        http.put().uri("/api/workflows/" + id).header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(renamed).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Perimeter sweep v2")
                .jsonPath("$.createdAt").isEqualTo(created.get("createdAt"));

        post("/api/workflows/" + id + "/duplicate", Map.of()).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("Perimeter sweep v2 (Copy)")
                .jsonPath("$.id").value(String.class, copyId -> assertThat(copyId).isNotEqualTo(id));

        get("/api/workflows").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].name").isEqualTo("Perimeter sweep v2");

        http.delete().uri("/api/workflows/" + id).header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isNoContent();
        get("/api/workflows/" + id).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenAWorkflowWithSeveralProblems_whenSaved_thenOne400ListsEveryProblemWithItsField() {
        Map<String, Object> broken = Map.of(
                "name", "Broken",
                "nodes", List.of(
                        node("a", "nmap", "Scan", Map.of("targets", List.of("10.0.0.1;id"), "flags", "-sV")),
                        node("a", "teleport", "Nope", Map.of()),
                        node("c", "delay", "Wait", Map.of("duration", 999_999))),
                "edges", List.of(Map.of("id", "e1", "source", "a", "target", "ghost")));

        post("/api/workflows", broken).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Bad Request")
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields).contains(
                        "nodes[0].config.targets[0]", "nodes[1].id", "nodes[1].kind", "nodes[2].config.duration",
                        "edges[0].target"));
    }

    @Test
    void givenAWorkflowWithoutAName_whenSaved_thenTheNameIsReported() {
        Map<String, Object> unnamed = new java.util.HashMap<>(scanWorkflow("x"));
        unnamed.put("name", " ");
        post("/api/workflows", unnamed).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void givenHugeValuesWhereShortOnesBelong_whenSaved_thenOne400NamesEachField_andStaysShort() {
        String huge = "h".repeat(200_000); // four of them stay under the 1-MB body limit
        Map<String, Object> oversized = Map.of("name", "Oversized", "nodes", List.of(
                        node(huge, "start", "Start", Map.of()),
                        node("scan", huge, "Scan", Map.of()),
                        node("wait", "delay", huge,
                                Map.of("options", Map.of("k".repeat(10_000), Map.of("$where", 1))))),
                "edges", List.of(Map.of("id", "e1", "source", "scan", "target", huge)));

        byte[] problem = post("/api/workflows", oversized).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields).contains(
                        "nodes[0].id", "nodes[1].kind", "nodes[2].label", "edges[0].target",
                        "nodes[2].config.options." + "k".repeat(61) + "..."))
                .returnResult().getResponseBodyContent();
        assertThat(problem).hasSizeLessThan(2_000);
    }

    @Test
    void givenConfigKeysMongoDbCannotStore_whenSavedOrRunInline_thenA400NamesTheNodeConfig_andNothingRuns() {
        for (String key : List.of("fla\u0000gs", "$where", "a.b")) {
            Map<String, Object> workflow = Map.of("name", "Keys", "authorizedTargets", true, "nodes", List.of(
                            node("start", "start", "Start", Map.of()),
                            node("scan", "nmap", "Scan", Map.of("profile", "quick", "options", Map.of(key, "-sT")))),
                    "edges", List.of(Map.of("id", "e1", "source", "start", "target", "scan")));

            post("/api/workflows", workflow).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                            .as(key).contains("nodes[1].config.options"));
            post("/api/runs/execute", Map.of("workflow", workflow, "targets", List.of("127.0.0.1"), "runMode", "demo"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                            .as(key).contains("workflow.nodes[1].config.options"));
        }
    }

    private static final String SECRET_WEBHOOK = "https://hooks.slack.com/services/T0001/B0001/s3cr3tT0k3n";

    private static Map<String, Object> alertWorkflow(String name, String webhookUrl) {
        return Map.of("name", name, "authorizedTargets", false,
                "nodes", List.of(node("start", "start", "Start", Map.of()),
                        node("alert", "slack", "Alert", Map.of("webhookUrl", webhookUrl, "message", "{{findings}}"))),
                "edges", List.of(Map.of("id", "e1", "source", "start", "target", "alert")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenAWorkflowWithAWebhook_whenReadAndSavedBackMasked_thenNoAnswerShowsTheUrlAndTheStoredUrlIsKept() {
        Map<String, Object> saved = post("/api/workflows", alertWorkflow("Alerting", SECRET_WEBHOOK)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = saved.get("id").toString();

        Map<String, Object> read = get("/api/workflows/" + id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String list = get("/api/workflows").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String updated = http.put().uri("/api/workflows/" + id).header("X-API-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(read).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String duplicated = post("/api/workflows/" + id + "/duplicate", Map.of()).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        Map<String, Object> alert = ((List<Map<String, Object>>) read.get("nodes")).get(1);
        assertThat(((Map<String, Object>) alert.get("config")).get("webhookUrl")).isEqualTo("https://hooks.slack.com/***");
        assertThat(List.of(saved.toString(), read.toString(), list, updated, duplicated))
                .noneMatch(answer -> answer.contains("s3cr3tT0k3n"));
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "workflows").block();
        assertThat(stored.toJson()).contains(SECRET_WEBHOOK);
    }

    @Test
    void givenAWebhookHostAllowedByConfiguration_whenAWorkflowUsesIt_thenItIsSaved() {
        // reconcraft.webhooks.allowed-hosts of the test context includes chat.example.org (a self-hosted Slack clone)
        post("/api/workflows", alertWorkflow("Self-hosted chat", "https://chat.example.org/hooks/abc")).exchange()
                .expectStatus().isCreated();
        post("/api/workflows", alertWorkflow("Elsewhere", "https://evil.example.net/hooks/abc")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("nodes[1].config.webhookUrl");
    }
}
