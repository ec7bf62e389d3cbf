package io.reconcraft.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.audit.support.AuditServiceTest;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Storing: every event once, in occurrence order, with its origin, secrets masked. */
class AuditIntegrationTest extends AuditServiceTest {

    private static final String SLACK_HOOK = "https://hooks.slack.com/services/T000/B000/very-secret";

    @Autowired
    MeterRegistry meters;

    @Test
    @SuppressWarnings("unchecked")
    void givenEventsOnSeveralTopics_whenConsumed_thenEachIsStoredOnceInOccurrenceOrderWithItsOrigin() {
        String runId = newRunId();
        Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
        List<EventEnvelope> events = List.of(
                at(t0, runId, new RunRequested(new WorkflowSnapshot("wf", "Recon", List.of(), List.of()),
                        List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.1")), "tester")),
                at(t0.plusSeconds(1), runId, nmapRequest(runId)),
                at(t0.plusSeconds(2), runId, new StepCompleted(runId + ":nmap", "nmap", 1, RunStatus.SUCCEEDED, null,
                        null, List.of(), Map.of("ports", List.of(22)))),
                at(t0.plusSeconds(3), runId, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of()))));
        for (int i = events.size() - 1; i >= 0; i--) {
            producer().publish(events.get(i)); // newest first: the read order must come from occurredAt
        }

        await().atMost(WAIT).until(() -> count(runId) == 4);

        List<Map<String, Object>> stored = records(runId);
        assertThat(stored).extracting(r -> r.get("eventId"))
                .containsExactlyElementsOf(events.stream().map(EventEnvelope::eventId).toList());
        assertThat(stored).extracting(r -> r.get("topic")).containsExactly(Topics.RUN_REQUESTS,
                Topics.TOOL_STEP_REQUESTS, Topics.RUN_EVENTS, Topics.RUN_EVENTS);
        assertThat(stored.get(2)).containsEntry("type", "StepCompleted").containsEntry("runId", runId)
                .containsEntry("occurredAt", "2026-11-29T10:00:02Z").containsKeys("partition", "offset", "receivedAt");
        assertThat((Map<String, Object>) stored.get(2).get("payload")).containsEntry("nodeId", "nmap")
                .containsEntry("outputs", Map.of("ports", List.of(22)));
    }

    @Test
    void givenTheSameEnvelopeTwice_whenConsumed_thenItIsStoredOnceAndCountedAsDuplicate() {
        String runId = newRunId();
        EventEnvelope event = EventEnvelope.of(runId, nmapRequest(runId));
        double duplicatesBefore = meters.counter("reconcraft.audit.duplicates").count();

        producer().publish(event);
        RecordMetadata again = producer().publish(event);
        await().atMost(WAIT).until(() -> producer().processed("audit", again));

        assertThat(count(runId)).isEqualTo(1);
        assertThat(meters.counter("reconcraft.audit.duplicates").count()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void givenSecretsInPayloads_whenStored_thenTheyAreMaskedAtAnyDepth() {
        String runId = newRunId();
        producer().publish(EventEnvelope.of(runId, new NotificationRequested("n1", "slack", SLACK_HOOK, "done", "op")));
        producer().publish(EventEnvelope.of(runId, new StepRequested(runId + ":alert", "alert", "slack", "Alert",
                Map.of("webhookUrl", SLACK_HOOK, "message", "{{findings}}"), List.of(), RunMode.DEMO,
                AuthorizedScope.NONE, 1, 60, List.of())));
        producer().publish(EventEnvelope.of(runId, new StepCompleted(runId + ":probe", "probe", 1, RunStatus.SUCCEEDED,
                null, null, List.of(), Map.of("headers", List.of(Map.of("Token", "abc123", "name", "x-auth")),
                        "example.com", Map.of("apiKey", "k-123")))));

        await().atMost(WAIT).until(() -> count(runId) == 3);

        String body = http.get().uri("/audit/events?runId={id}", runId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("very-secret").doesNotContain("abc123").doesNotContain("k-123")
                .contains("\"webhookUrl\":\"***\"").contains("\"Token\":\"***\"").contains("\"apiKey\":\"***\"")
                .contains("\"message\":\"{{findings}}\"").contains("\"name\":\"x-auth\"");
    }

    @Test
    void givenABadLimit_whenQuerying_thenABadRequestProblemIsAnswered() {
        http.get().uri("/audit/events?limit=abc").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        http.get().uri("/audit/events?limit=0").exchange().expectStatus().isBadRequest();
    }

    private static StepRequested nmapRequest(String runId) {
        return new StepRequested(runId + ":nmap", "nmap", "nmap", "Port scan", Map.of("flags", "-sV"),
                List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.1")), 1, 600, List.of());
    }
}
