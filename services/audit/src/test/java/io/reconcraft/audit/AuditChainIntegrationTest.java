package io.reconcraft.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.audit.chain.ChainVerification;
import io.reconcraft.audit.store.AuditStore;
import io.reconcraft.audit.support.AuditServiceTest;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The hash chain: kept linear under redelivery and several listener threads, and tampering is found. */
class AuditChainIntegrationTest extends AuditServiceTest {

    private static final int RUNS = 20;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private static List<EventEnvelope> runEvents(String runId) {
        StepRequested request = new StepRequested(runId + ":nmap", "nmap", "nmap", "Port scan", Map.of("flags", "-sV"),
                List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.1")), 1, 600, List.of());
        return List.of(
                EventEnvelope.of(runId, new RunRequested(new WorkflowSnapshot("wf", "Recon", List.of(), List.of()),
                        List.of("127.0.0.1"), RunMode.DEMO, new AuthorizedScope(List.of("127.0.0.1")), "alice")),
                EventEnvelope.of(runId, request),
                EventEnvelope.of(runId, new StepStarted(runId + ":nmap", "nmap", 1, "tool-runner-1")),
                EventEnvelope.of(runId, new StepCompleted(runId + ":nmap", "nmap", 1, RunStatus.SUCCEEDED, null, null,
                        List.of(), Map.of("ports", List.of(22, 80)))),
                EventEnvelope.of(runId, new RunCompleted(RunStatus.SUCCEEDED, null, null, RunSummary.of(List.of()))));
    }

    @Test
    void givenManyRunsWithRedeliveredEvents_whenConsumed_thenOneRecordPerDistinctEventAndTheChainVerifies() {
        List<String> runIds = new ArrayList<>();
        List<EventEnvelope> redelivered = new ArrayList<>();
        double duplicatesBefore = meters.counter("reconcraft.audit.duplicates").count();
        for (int run = 0; run < RUNS; run++) {
            String runId = newRunId();
            runIds.add(runId);
            List<EventEnvelope> events = runEvents(runId);
            events.forEach(producer()::publish);
            redelivered.add(events.get(run % events.size()));
        }
        redelivered.forEach(producer()::publish);

        await().atMost(WAIT).until(() -> meters.counter("reconcraft.audit.duplicates").count()
                >= duplicatesBefore + redelivered.size());
        await().atMost(WAIT).until(() -> runIds.stream().mapToLong(this::count).sum() == RUNS * 5L);

        ChainVerification verification = verify();
        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(verification.checked()).isGreaterThanOrEqualTo(RUNS * 5L);
        assertThat(runIds).allSatisfy(runId -> assertThat(count(runId)).isEqualTo(5));
    }

    @Test
    void givenAStoredRecordEditedInTheDatabase_whenVerified_thenVerificationFailsAtExactlyThatRecord() {
        Document original = storedMiddleRecordOfANewRun();
        long sequence = ((Number) original.get("sequence")).longValue();
        try {
            Document edited = new Document(original);
            edited.put("payload", new Document(original.get("payload", Document.class)).append("worker", "someone-else"));
            replace(edited);

            ChainVerification verification = verifyFully();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSequence()).isEqualTo(sequence);
            assertThat(verification.eventId()).isEqualTo(original.getString("_id"));
            assertThat(verification.reason()).isEqualTo("the record's content does not match its hash");
            assertThat(verification.checked()).isEqualTo(sequence - verification.anchorSequence());
        } finally {
            replace(original);
        }
        assertThat(verifyFully().valid()).isTrue();
    }

    @Test
    void givenAStoredRecordDeletedFromTheDatabase_whenVerified_thenTheGapIsReported() {
        Document original = storedMiddleRecordOfANewRun();
        long sequence = ((Number) original.get("sequence")).longValue();
        try {
            Mono.from(collection().deleteOne(new Document("_id", original.getString("_id")))).block();

            ChainVerification verification = verifyFully();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenSequence()).isEqualTo(sequence);
            assertThat(verification.reason()).isEqualTo("sequence " + sequence + " is missing (the next stored record is "
                    + (sequence + 1) + ")");
        } finally {
            Mono.from(collection().insertOne(original)).block();
        }
        assertThat(verifyFully().valid()).isTrue();
    }

    /** A record with stored records after it, so that deleting it leaves a gap rather than a shorter chain. */
    private Document storedMiddleRecordOfANewRun() {
        String runId = newRunId();
        List<EventEnvelope> events = runEvents(runId);
        events.forEach(producer()::publish);
        await().atMost(WAIT).until(() -> count(runId) == events.size());
        await().atMost(WAIT).until(() -> verify().valid());
        // by sequence, not by publishing order: the events are on several topics, and one poll may hand them over
        // in another order than they were sent
        List<Document> stored = Flux.from(collection().find(new Document("runId", runId))
                .sort(new Document("sequence", 1))).collectList().block();
        return stored.get(stored.size() / 2);
    }

    private void replace(Document record) {
        Mono.from(collection().replaceOne(new Document("_id", record.getString("_id")), record)).block();
    }

    private com.mongodb.reactivestreams.client.MongoCollection<Document> collection() {
        return mongo.getCollection(AuditStore.COLLECTION).block();
    }
}
