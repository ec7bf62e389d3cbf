package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.gateway.stream.RunEvent;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * The read model's two writes per batch (journal, then runs): what happens when the gateway stops between them, and
 * what a client streaming the run meanwhile sees.
 */
class RunEventJournalTest extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EventPublisher publisher;

    @Test
    void givenEventsApplied_whenStored_thenTheRunKeepsOnlyItsPositionAndLastNumber() {
        String runId = startDemoRun();
        publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, null, null));
        awaitStored(runId, 1);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(runDocument(runId).get("eventSeq", Number.class).longValue()).isEqualTo(1));
        assertThat(runDocument(runId)).containsKey("position").doesNotContainKeys("pendingEvents", "appliedEventIds");
    }

    @Test
    void givenACrashAfterTheJournalInsertButBeforeTheRunWrite_whenTheEventIsRedelivered_thenItIsStoredOnce() {
        String runId = runWrittenUpToItsFirstEvent();
        EventEnvelope logged = EventEnvelope.of(runId, new StepLog(runId + ":scan", "scan", 1, List.of("stored once")));
        // What the first of the two writes leaves behind when the second never happens: the event numbered 2 is
        // in the journal, the run document still says 1.
        mongo.insert(RunEvent.numbered(runId, 2,
                new RunEvent.Draft(RunEvent.LOG, "{\"runId\":\"" + runId + "\",\"lines\":[\"stored once\"]}", false)))
                .block();

        publisher.publish(logged);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(runDocument(runId).get("eventSeq", Number.class).longValue()).isEqualTo(2));
        assertThat(mongo.count(Query.query(Criteria.where("runId").is(runId)), RunEvent.class).block()).isEqualTo(2);
        assertThat(replayAfter(runId, 0, 2)).extracting(ServerSentEvent::id).containsExactly("1", "2");
    }

    @Test
    void givenARunsFinalEventStoredButItsViewNotYetWritten_whenAClientOpensItsStream_thenItEndsOnceTheViewHasEnded() {
        String runId = runWrittenUpToItsFirstEvent();
        // What the first of the read model's two writes leaves for a moment: the run's final event numbered 2 in the
        // journal, its view still running at 1.
        mongo.insert(RunEvent.numbered(runId, 2, new RunEvent.Draft(RunEvent.RUN,
                "{\"runId\":\"" + runId + "\",\"status\":\"succeeded\"}", true))).block();
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> streamEnded = stream(runId).doOnNext(received::add).then().toFuture();

        await().atMost(WAIT).until(() -> !received.isEmpty());
        awaitRunStatus(runId, "running");
        assertThat(received).extracting(ServerSentEvent::id).containsExactly("1");
        assertThat(streamEnded).isNotDone();

        publisher.publish(runId, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of())));

        await().atMost(WAIT).until(streamEnded::isDone);
        assertThat(received).extracting(ServerSentEvent::id).containsExactly("1", "2");
        awaitRunStatus(runId, "succeeded");
        assertThat(mongo.count(Query.query(Criteria.where("runId").is(runId)), RunEvent.class).block()).isEqualTo(2);
    }

    /** A running run whose first event is stored in the journal and applied to its view. */
    private String runWrittenUpToItsFirstEvent() {
        String runId = startDemoRun();
        publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, null, null));
        awaitStored(runId, 1);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(runDocument(runId).get("eventSeq", Number.class).longValue()).isEqualTo(1));
        return runId;
    }

    private void awaitStored(String runId, long seq) {
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("runId").is(runId).and("seq").is(seq)),
                RunEvent.class).block());
    }

    private Document runDocument(String runId) {
        return mongo.findById(runId, Document.class, "runs").block();
    }

    private Flux<ServerSentEvent<String>> stream(String runId) {
        return http.get().uri("/api/runs/" + runId + "/events").header("X-API-Key", ADMIN_KEY)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody()
                .filter(event -> event.event() != null);
    }

    /** The first {@code count} events after {@code seq} (the run is still running, so its stream stays open). */
    private List<ServerSentEvent<String>> replayAfter(String runId, long seq, int count) {
        return http.get().uri("/api/runs/" + runId + "/events").header("X-API-Key", ADMIN_KEY)
                .header("Last-Event-ID", String.valueOf(seq)).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody()
                .filter(event -> event.event() != null).take(count).collectList().block(WAIT);
    }
}
