package io.reconcraft.audit;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.audit.support.AuditServiceTest;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The internal query the gateway's GET /api/audit calls: filters, paging, total count, clear 400s. */
class AuditQueryIntegrationTest extends AuditServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private String runId;
    private List<EventEnvelope> events;

    @BeforeEach
    void storeARun() {
        runId = newRunId();
        events = List.of(
                at(T0, runId, new RunRequested(new WorkflowSnapshot("wf", "Recon", List.of(), List.of()),
                        List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.1")), "alice")),
                at(T0.plusSeconds(1), runId, new StepStarted(runId + ":nmap", "nmap", 1, "tool-runner-1")),
                at(T0.plusSeconds(2), runId, new RunCancelRequested("bob", "wrong target")),
                at(T0.plusSeconds(3), runId, new RunCompleted(RunStatus.FAILED, StepOutcome.CANCELLED, "wrong target", null)));
        events.forEach(producer()::publish);
        await().atMost(WAIT).until(() -> count(runId) == events.size());
    }

    private EntityExchangeResult<List<Map<String, Object>>> query(String parameters) {
        return http.get().uri("/audit/events?runId=" + runId + "&" + parameters).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult();
    }

    private List<Object> eventIds(String parameters) {
        return query(parameters).getResponseBody().stream().map(record -> record.get("eventId")).toList();
    }

    private String id(int index) {
        return events.get(index).eventId();
    }

    @Test
    void givenAnActor_whenQuerying_thenOnlyEventsRequestedByThatActorAreAnswered() {
        assertThat(eventIds("actor=alice")).containsExactly(id(0));
        assertThat(eventIds("actor=bob")).containsExactly(id(2));
    }

    @Test
    void givenTheKeyOfAnApiCaller_whenQueryingByActor_thenItsApiCallsAreAnswered() {
        String callRun = newRunId();
        EventEnvelope call = at(T0, callRun, new io.reconcraft.events.ApiCallAudited("key-7", "operator",
                "POST /api/runs/{id}/cancel", callRun, "127.0.0.1",
                io.reconcraft.events.ApiCallAudited.Outcome.ALLOWED, 202));
        producer().publish(call);
        await().atMost(WAIT).until(() -> count(callRun) == 1);

        List<Map<String, Object>> found = http.get().uri("/audit/events?runId=" + callRun + "&actor=key-7").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        assertThat(found).extracting(record -> record.get("eventId")).containsExactly(call.eventId());
    }

    @Test
    void givenAType_whenQuerying_thenOnlyEventsOfThatType() {
        assertThat(eventIds("type=StepStarted")).containsExactly(id(1));
    }

    @Test
    void givenATimeRange_whenQuerying_thenFromIsInclusiveAndToExclusive() {
        assertThat(eventIds("from=2026-11-29T10:00:01Z&to=2026-11-29T10:00:03Z")).containsExactly(id(1), id(2));
    }

    @Test
    void givenLimitAndOffset_whenQuerying_thenOnePageIsAnsweredWithTheTotalInXTotalCount() {
        EntityExchangeResult<List<Map<String, Object>>> page = query("limit=2&offset=1");

        assertThat(page.getResponseBody()).extracting(record -> record.get("eventId")).containsExactly(id(1), id(2));
        assertThat(page.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("4");
        assertThat(page.getResponseBody().get(0)).containsKeys("sequence", "previousHash", "hash");
    }

    @Test
    void givenBadParameters_whenQuerying_thenA400ProblemNamesEachOne() {
        http.get().uri("/audit/events?from=yesterday&limit=5000").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isEqualTo("from must be an ISO-8601 instant such as 2026-11-29T10:15:30Z; "
                        + "limit must be between 1 and 1000");
    }
}
