package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.ApiCallAudited;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuditApiTest extends GatewayTestSupport {

    @Test
    void givenAnAllowedChange_whenMade_thenAnApiCallAuditedNamesActorRoleActionAndOutcome() {
        String workflowId = saveWorkflow("Audited").get("id").toString();
        delete("/api/workflows/" + workflowId).exchange().expectStatus().isNoContent();

        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.API_AUDIT,
                e -> e.payload() instanceof ApiCallAudited a && workflowId.equals(a.resource()));
        ApiCallAudited audited = event.payloadAs(ApiCallAudited.class);
        assertThat(audited.action()).isEqualTo("DELETE /api/workflows/{id}");
        assertThat(audited.role()).isEqualTo("admin");
        assertThat(audited.actorKeyId()).isNotBlank();
        assertThat(audited.outcome()).isEqualTo(ApiCallAudited.Outcome.ALLOWED);
        assertThat(audited.httpStatus()).isEqualTo(204);
        assertThat(audited.clientAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void givenAChangeWithoutCredentials_whenRefused_thenItIsAuditedAsDeniedWithoutTheSecret() {
        String marker = "no-such-workflow-" + System.nanoTime();
        http.delete().uri("/api/workflows/" + marker).header("X-API-Key", "rc_wrong-key-that-must-not-leak").exchange()
                .expectStatus().isUnauthorized();

        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.API_AUDIT,
                e -> e.payload() instanceof ApiCallAudited a && a.action().contains(marker));
        ApiCallAudited audited = event.payloadAs(ApiCallAudited.class);
        assertThat(audited.outcome()).isEqualTo(ApiCallAudited.Outcome.DENIED);
        assertThat(audited.httpStatus()).isEqualTo(401);
        assertThat(audited.actorKeyId()).isNull();
        assertThat(audited.toString()).doesNotContain("rc_wrong-key");
    }

    @Test
    void givenAWebhookSaved_whenAudited_thenTheUrlIsNowhereInTheRecord() {
        post("/api/integrations/slack", Map.of("webhookUrl", "https://hooks.slack.com/services/T1/B1/audit-secret"))
                .exchange().expectStatus().isOk();
        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.API_AUDIT,
                e -> e.payload() instanceof ApiCallAudited a && a.action().equals("POST /api/integrations/{type}"));
        assertThat(event.payloadAs(ApiCallAudited.class).resource()).isEqualTo("slack");
        assertThat(io.reconcraft.events.EventCodec.writeString(event)).doesNotContain("audit-secret");
    }

    @Test
    void givenAnAdmin_whenTheAuditTrailIsQueried_thenTheAuditServicesPageAndTotalArePassedOn() {
        get("/api/audit?runId=r-1&actor=key-1&type=ApiCallAudited&limit=5&offset=10").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "42")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$[0].eventId").isEqualTo("e-1")
                .jsonPath("$[0].query").value(String.class, query -> assertThat(query)
                        .contains("runId=r-1", "actor=key-1", "type=ApiCallAudited", "limit=5", "offset=10"));
        get("/api/audit/verify").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(true).jsonPath("$.checked").isEqualTo(1);
    }

    @Test
    void givenAnAdmin_whenAFullVerificationIsAsked_thenTheAuditServiceIsAskedToReReadTheWholeChain() {
        get("/api/audit/verify?full=true").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(true).jsonPath("$.query").isEqualTo("/audit/verify?full=true");
        get("/api/audit/verify").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.query").isEqualTo("/audit/verify");
    }

    @Test
    void givenTheAuditServiceTakesLongerThanAQueryMayToVerify_whenVerified_thenTheGatewayWaitsForItsAnswer() {
        AUDIT.verifyTakes = Duration.ofSeconds(2); // more than reconcraft.gateway.audit-timeout (1 s in these tests)
        try {
            get("/api/audit/verify").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.valid").isEqualTo(true);
        } finally {
            AUDIT.verifyTakes = Duration.ZERO;
        }
    }

    @Test
    void givenAVerificationAskedWithAFullThatIsNotABoolean_thenA400ProblemNamingIt() {
        get("/api/audit/verify?full=maybe").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).contains("full"));
    }

    @Test
    void givenABadQueryParameter_whenTheAuditTrailIsQueried_thenTheAuditServices400IsPassedOn() {
        get("/api/audit?limit=oops").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("limit must be a whole number");
    }

    @Test
    void givenTheAuditServiceDoesNotAnswer_whenQueried_thenA503Problem() {
        AUDIT.silent = true;
        try {
            get("/api/audit").exchange().expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            get("/api/audit/verify").exchange().expectStatus().isEqualTo(503);
        } finally {
            AUDIT.silent = false;
        }
    }

    @Test
    void givenAnOperator_whenItQueriesTheAuditTrail_thenA403() {
        String operatorKey = post("/api/auth/api-keys", Map.of("name", "ops", "role", "operator")).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
        http.get().uri("/api/audit").header("X-API-Key", operatorKey).exchange().expectStatus().isForbidden();
    }
}
