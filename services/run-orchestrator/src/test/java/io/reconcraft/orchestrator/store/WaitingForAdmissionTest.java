package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The runs admission re-reads from the store (after a restart, or when it has none waiting of its own) — on the real
 * MongoDB-wire server, in a database of its own.
 */
class WaitingForAdmissionTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "waiting-" + UUID.randomUUID());
    private final RunStore runs = new RunStore(mongo, new WrittenRuns(), new TaskResultStore(mongo));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void givenQueuedRunsWithTheGatewaysIds_whenAdmissionReadsWhoWaits_thenEachComesByTheIdItWasStoredWith() {
        String gatewayId = new ObjectId().toHexString(); // what the gateway names its runs
        String otherId = "run-" + UUID.randomUUID();
        String running = new ObjectId().toHexString();
        queued(otherId, NOW.plusSeconds(2), "key-b|api");
        queued(gatewayId, NOW.plusSeconds(1), "key-a|schedule");
        queued(running, NOW, "key-a|api");
        assertThat(runs.markRunRunning(running)).isTrue();

        List<WaitingRun> waiting = runs.waitingForAdmission(10);

        assertThat(waiting).containsExactly(new WaitingRun(gatewayId, "key-a|schedule"),
                new WaitingRun(otherId, "key-b|api"));
    }

    private void queued(String id, Instant createdAt, String group) {
        runs.insertAbsent(List.of(RunDocument.accepted(id, "{}", List.of("127.0.0.1"), "demo", List.of("127.0.0.1"),
                createdAt, List.of(StepDocument.queued("scan", "nmap", "Scan")), group)));
    }
}
