package io.reconcraft.notifier.store;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** A store test on a real MongoDB-wire server on loopback, started once per test class. */
abstract class EmbeddedMongoStoreTest {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    /** A database of its own for each call, so that no other test's documents are in the way. */
    static ReactiveMongoTemplate freshDatabase(String prefix) {
        return new ReactiveMongoTemplate(client, prefix + "-" + UUID.randomUUID());
    }
}
