package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.ApiCallAudited;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** /api/findings, /api/runs/{id}/diff and the report endpoints, answered by a findings service on loopback. */
class FindingsApiTest extends GatewayTestSupport {

    @Test
    void givenFindings_whenListed_thenThePlainArrayAndItsTotalArePassedOn() {
        get("/api/findings?severity=low&limit=5").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody().jsonPath("$[0].id").isEqualTo("fnd-1");
    }

    @Test
    void givenATriage_whenPatched_thenTheCallersKeyIdGoesWithItAndTheCallIsAudited() {
        http.patch().uri("/api/findings/fnd-1").header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("triage", "false_positive", "note", "lab host", "by", "someone-else"))
                .exchange().expectStatus().isOk();

        String forwarded = FINDINGS.lastTriage.get();
        assertThat(forwarded).contains("\"triage\":\"false_positive\"").contains("\"note\":\"lab host\"")
                .doesNotContain("someone-else").doesNotContain(ADMIN_KEY);
        EventEnvelope event = TopicReader.awaitEvent(KAFKA.getBrokersAsString(), Topics.API_AUDIT,
                e -> e.payload() instanceof ApiCallAudited a && a.action().equals("PATCH /api/findings/{id}"));
        ApiCallAudited audited = event.payloadAs(ApiCallAudited.class);
        assertThat(audited.resource()).isEqualTo("fnd-1");
        assertThat(audited.outcome()).isEqualTo(ApiCallAudited.Outcome.ALLOWED);
        assertThat(forwarded).contains("\"by\":\"" + audited.actorKeyId() + "\"");
    }

    @Test
    void givenAStoredReport_whenDownloaded_thenItComesAsAnAttachmentWithItsContentType() {
        byte[] body = http.get().uri("/api/reports/rep-1/download").header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("attachment;"))
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(body)).isEqualTo(StubFindingsService.HTML);
    }

    @Test
    void givenAnUnknownReportOrFinding_whenAsked_thenTheAnswerIs404Problem() {
        http.get().uri("/api/reports/rep-unknown/download").header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/findings/fnd-unknown").exchange().expectStatus().isNotFound();
    }

    @Test
    void givenARun_whenReportsAreAskedForOnDemand_thenTheAnswerIs202WithTheReports() {
        post("/api/runs/run-1/reports", Map.of("formats", java.util.List.of("html"))).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$[0].format").isEqualTo("html");
        get("/api/runs/run-1/diff").exchange().expectStatus().isOk().expectBody().jsonPath("$.runId").isEqualTo("run-1");
    }
}
