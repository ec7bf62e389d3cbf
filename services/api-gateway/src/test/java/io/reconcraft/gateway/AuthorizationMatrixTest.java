package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every role against every endpoint: allowed calls succeed (2xx), others get 403, and no credentials get 401. */
class AuthorizationMatrixTest extends GatewayTestSupport {

    private static Fixture fixture;

    @Autowired
    EventPublisher publisher;

    enum Role { ADMIN, OPERATOR, VIEWER, NONE }

    /** An endpoint and the least role allowed to call it. */
    enum Endpoint {
        LIST_WORKFLOWS(Role.VIEWER, (c, f) -> c.get("/api/workflows")),
        GET_WORKFLOW(Role.VIEWER, (c, f) -> c.get("/api/workflows/" + f.workflowId)),
        CREATE_WORKFLOW(Role.OPERATOR, (c, f) -> c.post("/api/workflows", scanWorkflow("Matrix"))),
        UPDATE_WORKFLOW(Role.OPERATOR, (c, f) -> c.put("/api/workflows/" + f.workflowId, scanWorkflow("Matrix v2"))),
        DELETE_WORKFLOW(Role.OPERATOR, (c, f) -> c.delete("/api/workflows/" + f.newWorkflow())),
        DUPLICATE_WORKFLOW(Role.OPERATOR, (c, f) -> c.post("/api/workflows/" + f.workflowId + "/duplicate", Map.of())),
        LIST_RUNS(Role.VIEWER, (c, f) -> c.get("/api/runs")),
        GET_RUN(Role.VIEWER, (c, f) -> c.get("/api/runs/" + f.failedRunId)),
        RUN_LOGS(Role.VIEWER, (c, f) -> c.get("/api/runs/" + f.failedRunId + "/logs")),
        RUN_EVENTS(Role.VIEWER, (c, f) -> c.get("/api/runs/" + f.failedRunId + "/events")),
        ALL_EVENTS(Role.VIEWER, (c, f) -> c.get("/api/events")),
        START_RUN(Role.OPERATOR, (c, f) -> c.post("/api/runs", Map.of("workflowId", f.workflowId,
                "targets", List.of("127.0.0.1"), "runMode", "demo"))),
        EXECUTE_RUN(Role.OPERATOR, (c, f) -> c.post("/api/runs/execute", Map.of("workflow", scanWorkflow("Inline"),
                "targets", List.of("127.0.0.1"), "runMode", "demo"))),
        CANCEL_RUN(Role.OPERATOR, (c, f) -> c.post("/api/runs/" + f.newRun() + "/cancel", Map.of())),
        RETRY_RUN(Role.OPERATOR, (c, f) -> c.post("/api/runs/" + f.failedRunId + "/retry", Map.of())),
        SEND_SLACK(Role.OPERATOR, (c, f) -> c.post("/api/runs/" + f.failedRunId + "/actions/send-slack", Map.of())),
        LIST_TARGETS(Role.VIEWER, (c, f) -> c.get("/api/targets")),
        ADD_TARGET(Role.OPERATOR, (c, f) -> c.post("/api/targets", Map.of("value", f.uniqueHost()))),
        BULK_TARGETS(Role.OPERATOR, (c, f) -> c.post("/api/targets/bulk", Map.of("targets", List.of(f.uniqueHost())))),
        DELETE_TARGET(Role.OPERATOR, (c, f) -> c.delete("/api/targets/" + f.newTarget())),
        LIST_SCHEDULES(Role.VIEWER, (c, f) -> c.get("/api/schedules")),
        GET_SCHEDULE(Role.VIEWER, (c, f) -> c.get("/api/schedules/" + f.newSchedule())),
        CREATE_SCHEDULE(Role.OPERATOR, (c, f) -> c.post("/api/schedules", f.scheduleBody())),
        UPDATE_SCHEDULE(Role.OPERATOR, (c, f) -> c.put("/api/schedules/" + f.newSchedule(), f.scheduleBody())),
        DELETE_SCHEDULE(Role.OPERATOR, (c, f) -> c.delete("/api/schedules/" + f.newSchedule())),
        TRIGGER_SCHEDULE(Role.OPERATOR, (c, f) -> c.post("/api/schedules/" + f.newSchedule() + "/trigger", Map.of())),
        METRICS(Role.VIEWER, (c, f) -> c.get("/api/metrics")),
        LIST_KEYS(Role.ADMIN, (c, f) -> c.get("/api/auth/api-keys")),
        CREATE_KEY(Role.ADMIN, (c, f) -> c.post("/api/auth/api-keys", Map.of("name", "matrix"))),
        DELETE_KEY(Role.ADMIN, (c, f) -> c.delete("/api/auth/api-keys/" + f.newKeyId())),
        GET_INTEGRATION(Role.ADMIN, (c, f) -> c.get("/api/integrations/slack")),
        SAVE_INTEGRATION(Role.ADMIN, (c, f) -> c.post("/api/integrations/slack", Map.of("webhookUrl", Fixture.HOOK))),
        AUDIT_EVENTS(Role.ADMIN, (c, f) -> c.get("/api/audit")),
        AUDIT_VERIFY(Role.ADMIN, (c, f) -> c.get("/api/audit/verify")),
        LIST_FINDINGS(Role.VIEWER, (c, f) -> c.get("/api/findings?severity=low")),
        GET_FINDING(Role.VIEWER, (c, f) -> c.get("/api/findings/fnd-1")),
        TRIAGE_FINDING(Role.OPERATOR, (c, f) -> c.patch("/api/findings/fnd-1", Map.of("triage", "confirmed"))),
        RUN_DIFF(Role.VIEWER, (c, f) -> c.get("/api/runs/" + f.failedRunId + "/diff")),
        LIST_REPORTS(Role.VIEWER, (c, f) -> c.get("/api/runs/" + f.failedRunId + "/reports")),
        CREATE_REPORTS(Role.OPERATOR, (c, f) -> c.post("/api/runs/" + f.failedRunId + "/reports",
                Map.of("formats", List.of("html")))),
        DOWNLOAD_REPORT(Role.VIEWER, (c, f) -> c.get("/api/reports/rep-1/download"));

        final Role least;
        final BiFunction<Caller, Fixture, WebTestClient.RequestHeadersSpec<?>> request;

        Endpoint(Role least, BiFunction<Caller, Fixture, WebTestClient.RequestHeadersSpec<?>> request) {
            this.least = least;
            this.request = request;
        }

        boolean allows(Role role) {
            return role != Role.NONE && role.ordinal() <= least.ordinal();
        }
    }

    static Stream<Arguments> everyRoleAgainstEveryEndpoint() {
        return Arrays.stream(Endpoint.values())
                .flatMap(endpoint -> Arrays.stream(Role.values()).map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{1} → {0}")
    @MethodSource("everyRoleAgainstEveryEndpoint")
    void givenARole_whenItCallsAnEndpoint_thenAllowedOrForbiddenAsTheRolesSay(Endpoint endpoint, Role role) {
        Fixture f = fixture();
        Caller caller = new Caller(http, f.keys.get(role));

        WebTestClient.ResponseSpec response = endpoint.request.apply(caller, f).exchange();

        FluxExchangeResult<String> result = response.returnResult(String.class);
        // read to the end (an SSE stream of all runs never ends: a moment of it is enough)
        result.getResponseBody().take(Duration.ofMillis(300)).blockLast(Duration.ofSeconds(60));
        int status = result.getStatus().value();
        if (role == Role.NONE) {
            assertThat(status).isEqualTo(401);
        } else if (endpoint.allows(role)) {
            assertThat(status).isBetween(200, 299);
        } else {
            assertThat(status).isEqualTo(403);
        }
    }

    private Fixture fixture() {
        if (fixture == null) {
            post("/api/integrations/slack", Map.of("webhookUrl", Fixture.HOOK)).exchange().expectStatus().isOk();
            String failedRunId = startDemoRun();
            publisher.publish(failedRunId, new RunCompleted(RunStatus.FAILED, null, null, RunSummary.of(List.of())));
            awaitRunStatus(failedRunId, "failed");
            fixture = new Fixture(this, Map.of(Role.ADMIN, ADMIN_KEY, Role.OPERATOR, newKey("operator"),
                    Role.VIEWER, newKey("viewer")), saveWorkflow("Matrix").get("id").toString(), failedRunId);
        }
        return fixture;
    }

    String newKey(String role) {
        return post("/api/auth/api-keys", Map.of("name", "matrix-" + role, "role", role)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
    }

    /** Calls with one role's key (or none); only the SSE streams are read briefly, then dropped. */
    record Caller(WebTestClient http, String key) {
        WebTestClient.RequestHeadersSpec<?> get(String uri) {
            return http.get().uri(uri).accept(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> authenticate(h));
        }

        WebTestClient.RequestHeadersSpec<?> post(String uri, Object body) {
            return http.post().uri(uri).headers(this::authenticate).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body);
        }

        WebTestClient.RequestHeadersSpec<?> put(String uri, Object body) {
            return http.put().uri(uri).headers(this::authenticate).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body);
        }

        WebTestClient.RequestHeadersSpec<?> patch(String uri, Object body) {
            return http.patch().uri(uri).headers(this::authenticate).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body);
        }

        WebTestClient.RequestHeadersSpec<?> delete(String uri) {
            return http.delete().uri(uri).headers(this::authenticate);
        }

        private void authenticate(org.springframework.http.HttpHeaders headers) {
            if (key != null) {
                headers.set("X-API-Key", key);
            }
        }
    }

    /** What the calls need: a key per role, a saved workflow, a failed run; fresh resources for deletions. */
    static final class Fixture {
        static final String HOOK = "https://hooks.slack.com/services/T0/B0/matrix";

        final AuthorizationMatrixTest test;
        final Map<Role, String> keys;
        final String workflowId;
        final String failedRunId;
        private int counter;

        Fixture(AuthorizationMatrixTest test, Map<Role, String> keys, String workflowId, String failedRunId) {
            this.test = test;
            this.keys = new java.util.EnumMap<>(keys);
            this.workflowId = workflowId;
            this.failedRunId = failedRunId;
        }

        String newWorkflow() {
            return test.saveWorkflow("Doomed").get("id").toString();
        }

        String newRun() {
            return test.startDemoRun();
        }

        Map<String, Object> scheduleBody() {
            return SchedulesApiTest.scheduleBody(workflowId, "@daily");
        }

        String newSchedule() {
            return test.post("/api/schedules", scheduleBody()).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        }

        String uniqueHost() {
            return "matrix-" + System.nanoTime() + "-" + (counter++) + ".example.org";
        }

        String newTarget() {
            return test.post("/api/targets", Map.of("value", uniqueHost())).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        }

        String newKeyId() {
            return test.post("/api/auth/api-keys", Map.of("name", "doomed")).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        }
    }
}
