package io.reconcraft.orchestrator.store;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.testing.RealInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Tests of the orchestrator's stores, wired as the service wires them, on the real MongoDB-wire server in a database
 * of their own.
 */
abstract class StoresOnRealServerTest {

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    final ReactiveMongoTemplate mongo;
    final WrittenRuns written = new WrittenRuns();
    final TaskResultStore results;
    final RunStore runs;
    final TaskStore tasks;

    StoresOnRealServerTest(String databasePrefix) {
        mongo = new ReactiveMongoTemplate(client, databasePrefix + UUID.randomUUID());
        results = new TaskResultStore(mongo);
        runs = new RunStore(mongo, written, results);
        tasks = new TaskStore(mongo, written, new RunningTaskCount(runs, OrchestratorProperties.defaults()), results);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
