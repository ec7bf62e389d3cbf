package io.reconcraft.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The audit collection's indexes, on a real MongoDB-wire server: an index left by an earlier version is dropped once. */
class AuditStoreIndexTest {

    private static MongoServer server;
    private static MongoClient client;

    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "audit-" + UUID.randomUUID());
    private final AuditStore store = new AuditStore(mongo);

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void givenAnIndexAnEarlierVersionCreated_whenDroppedTwice_thenItIsGoneAfterTheFirstAndTheSecondFindsNothing() {
        mongo.indexOps(AuditStore.COLLECTION).createIndex(new Index("receivedAt", Sort.Direction.ASC)
                .named("receivedAt_old")).block(Duration.ofSeconds(10));

        assertThat(store.dropIndexIfPresent("receivedAt_old")).isTrue();
        assertThat(store.dropIndexIfPresent("receivedAt_old")).isFalse();

        assertThat(mongo.indexOps(AuditStore.COLLECTION).getIndexInfo().map(IndexInfo::getName).collectList()
                .block(Duration.ofSeconds(10))).doesNotContain("receivedAt_old").contains("sequence_unique");
    }
}
