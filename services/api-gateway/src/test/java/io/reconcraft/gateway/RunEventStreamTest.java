package io.reconcraft.gateway;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

class RunEventStreamTest extends GatewayTestSupport {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Finding OPEN_SSH = new Finding("f-1", Severity.HIGH, "Open port 22/tcp", "ssh", "ssh", 22,
            "127.0.0.1", "nmap", "nmap:127.0.0.1:22", Map.of());

    @Autowired
    EventPublisher publisher;

    @Test
    void givenAClientThatDisconnectedMidRun_whenItReconnectsWithLastEventId_thenItGetsExactlyTheMissedEvents() {
        String runId = startDemoRun();
        // Run and step events travel on different topics: each switch waits, so the numbering order is known.
        publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, null, null));
        awaitRunStatus(runId, "running");
        publisher.publish(runId, new StepStarted(runId + ":scan", "scan", 1, "runner-a"));
        publisher.publish(runId, new StepLog(runId + ":scan", "scan", 1, List.of("Starting nmap")));
        publisher.publish(runId, new StepLog(runId + ":scan", "scan", 1, List.of("22/tcp open ssh")));
        awaitLogs(runId, 2);

        List<ServerSentEvent<String>> firstVisit = events(runId, null).take(3).collectList().block(WAIT);
        assertThat(firstVisit).extracting(ServerSentEvent::id).containsExactly("1", "2", "3");
        assertThat(firstVisit).extracting(ServerSentEvent::event).containsExactly("run", "step", "log");

        CompletableFuture<List<ServerSentEvent<String>>> secondVisit = events(runId, "3").collectList().toFuture();
        publisher.publish(runId, new StepCompleted(runId + ":scan", "scan", 1, RunStatus.SUCCEEDED, null, null,
                List.of(OPEN_SSH), Map.of()));
        await().atMost(WAIT).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody().jsonPath("$.steps[1].status").isEqualTo("succeeded"));
        publisher.publish(runId, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of(OPEN_SSH))));

        List<ServerSentEvent<String>> missed = await().atMost(WAIT).until(() -> secondVisit.getNow(null),
                received -> received != null);
        assertThat(missed).extracting(ServerSentEvent::id).containsExactly("4", "5", "6", "7");
        assertThat(missed).extracting(ServerSentEvent::event).containsExactly("log", "step", "finding", "run");
        assertThat(missed.get(0).data()).contains("22/tcp open ssh");
        assertThat(missed.get(2).data()).contains("\"severity\":\"high\"").contains("\"nodeId\":\"scan\"");
        assertThat(missed.get(3).data()).contains("\"status\":\"succeeded\"").contains("\"findingsCount\":1");
    }

    @Test
    void givenAnEndedRun_whenAClientAsksForEventsAfterAnId_thenTheRestIsReplayedAndTheStreamCompletes() {
        String runId = startDemoRun();
        publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, null, null));
        awaitRunStatus(runId, "running");
        publisher.publish(runId, new StepLog(runId + ":scan", "scan", 1, List.of("only line")));
        awaitLogs(runId, 1);
        publisher.publish(runId, new RunCompleted(RunStatus.FAILED, StepOutcome.CANCELLED, "stopped", RunSummary.of(List.of())));
        await().atMost(WAIT).untilAsserted(() -> get("/api/runs/" + runId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("failed"));

        List<ServerSentEvent<String>> rest = http.get().uri("/api/runs/" + runId + "/events?lastEventId=1")
                .header("X-API-Key", ADMIN_KEY).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(SSE).getResponseBody()
                .filter(event -> event.event() != null).collectList().block(WAIT);

        assertThat(rest).extracting(ServerSentEvent::id).containsExactly("2", "3");
        assertThat(rest.get(1).data()).contains("\"outcome\":\"cancelled\"");
    }

    @Test
    void givenAQuietRun_whenAClientListens_thenCommentHeartbeatsKeepTheStreamAlive() {
        String runId = startDemoRun();
        ServerSentEvent<String> first = http.get().uri("/api/runs/" + runId + "/events").header("X-API-Key", ADMIN_KEY)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(SSE).getResponseBody()
                .next().block(WAIT);
        assertThat(first.comment()).isEqualTo("heartbeat");
        assertThat(first.event()).isNull();
    }

    @Test
    void givenAToken_whenPassedAsAccessTokenQueryParameter_thenAcceptedOnSseEndpointsOnly() {
        String runId = startDemoRun();
        String token = http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("apiKey", ADMIN_KEY)).exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("token").toString();

        ServerSentEvent<String> heartbeat = http.get().uri("/api/runs/" + runId + "/events?access_token=" + token)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody().next().block(WAIT);
        assertThat(heartbeat).isNotNull();
        http.get().uri("/api/events?access_token=" + token).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk();

        http.get().uri("/api/runs/" + runId + "?access_token=" + token).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/workflows?access_token=" + token).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void givenAnUnknownRunOrABadLastEventId_whenStreamed_thenA404Or400Problem() {
        get("/api/runs/no-such-run/events").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String runId = startDemoRun();
        http.get().uri("/api/runs/" + runId + "/events").header("X-API-Key", ADMIN_KEY)
                .header("Last-Event-ID", "yesterday").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
    }

    @Test
    void givenRunsChangingStatus_whenListeningToAllEvents_thenEachStatusChangeArrives() {
        String runId = startDemoRun();
        CompletableFuture<ServerSentEvent<String>> firstRunEvent = http.get().uri("/api/events")
                .header("X-API-Key", ADMIN_KEY).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .returnResult(SSE).getResponseBody()
                .filter(event -> "run".equals(event.event()) && event.data().contains(runId))
                .next().toFuture();
        // Listening starts asynchronously: keep announcing until the listener has heard one.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, null, null));
            return firstRunEvent.isDone();
        });
        assertThat(firstRunEvent.join().data()).contains("\"status\":\"running\"");
        assertThat(firstRunEvent.join().id()).startsWith(runId + ":");
    }

    private Flux<ServerSentEvent<String>> events(String runId, String lastEventId) {
        return http.get().uri("/api/runs/" + runId + "/events").header("X-API-Key", ADMIN_KEY)
                .headers(h -> {
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody().filter(event -> event.event() != null);
    }

    @SuppressWarnings("unchecked")
    private void awaitLogs(String runId, int count) {
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> run = get("/api/runs/" + runId).exchange().expectBody(Map.class).returnResult()
                    .getResponseBody();
            List<Map<String, Object>> steps = (List<Map<String, Object>>) run.get("steps");
            assertThat((List<String>) steps.get(1).get("logs")).hasSize(count);
        });
    }
}
