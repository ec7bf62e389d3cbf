package io.reconcraft.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Steps stored a batch at a time, on the MongoDB-wire server the tests and the local stack use. */
class StepStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "step-store-" + UUID.randomUUID());
    private final StepStore store = new StepStore(mongo);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void givenALaterAttemptStored_whenABatchHoldsAnEarlierOneALaterOneAndANewStep_thenOnlyTheEarlierOneIsLeftOut() {
        store.saveAll(List.of(step("run-1", "scan", 2, "succeeded"), step("run-1", "probe", 1, "failed")))
                .block(TIMEOUT);

        store.saveAll(List.of(step("run-1", "scan", 1, "failed"), step("run-1", "probe", 2, "succeeded"),
                step("run-1", "leaks", 1, "succeeded"))).block(TIMEOUT);

        assertThat(store.ofRuns(List.of("run-1")).block(TIMEOUT).get("run-1"))
                .extracting(StepRecord::nodeId, StepRecord::attempt, StepRecord::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("scan", 2, "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("probe", 2, "succeeded"),
                        org.assertj.core.groups.Tuple.tuple("leaks", 1, "succeeded"));
    }

    @Test
    void givenTwoAttemptsOfAStepInOneBatch_whenStored_thenTheLaterOneIsKeptWhateverTheOrder() {
        store.saveAll(List.of(step("run-2", "scan", 2, "succeeded"), step("run-2", "scan", 1, "failed")))
                .block(TIMEOUT);

        assertThat(store.ofRuns(List.of("run-2")).block(TIMEOUT).get("run-2")).singleElement()
                .satisfies(step -> assertThat(step.attempt()).isEqualTo(2));
    }

    private static StepRecord step(String runId, String nodeId, int attempt, String status) {
        return new StepRecord(StepRecord.idOf(runId, nodeId), runId, nodeId, runId + ":" + nodeId, attempt, status,
                null, List.of(), List.of(), List.of(), Instant.parse("2026-12-01T10:00:00Z").plusSeconds(attempt));
    }
}
