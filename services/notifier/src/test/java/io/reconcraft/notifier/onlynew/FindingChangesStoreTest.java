package io.reconcraft.notifier.onlynew;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.reconcraft.events.FindingsUpdated;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The sortings kept for onlyNew steps, on a real MongoDB-wire server. */
class FindingChangesStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static MongoServer server;
    private static MongoClient client;
    private final FindingChangesStore store = new FindingChangesStore(
            new ReactiveMongoTemplate(client, "changes-" + UUID.randomUUID()), new OnlyNewProperties(null, null, null));

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
    void givenAPollWithTwoNodesAndANodeSortedTwice_whenSavedTogether_thenEachNodeKeepsItsLatestSorting() {
        FindingsUpdated scanFirst = sorting("scan", new FindingsUpdated.FindingChange(0, "fnd-1", "new", null));
        FindingsUpdated probe = sorting("probe", new FindingsUpdated.FindingChange(0, "fnd-2", "existing", null));
        FindingsUpdated scanAgain = sorting("scan", new FindingsUpdated.FindingChange(0, "fnd-1", "reopened", "confirmed"));

        store.saveAll(List.of(new FindingChangesStore.NodeSorting("run-1", scanFirst),
                new FindingChangesStore.NodeSorting("run-1", probe),
                new FindingChangesStore.NodeSorting("run-1", scanAgain)), T0);

        assertThat(store.of("run-1", List.of("scan", "probe", "report")))
                .containsOnlyKeys("scan", "probe")
                .containsEntry("scan", scanAgain.findings())
                .containsEntry("probe", probe.findings());
    }

    @Test
    void givenASortingAlreadyKept_whenTheSamePollIsSavedAgain_thenNothingChanges() {
        FindingsUpdated scan = sorting("scan", new FindingsUpdated.FindingChange(0, "fnd-1", "new", null));
        store.saveAll(List.of(new FindingChangesStore.NodeSorting("run-2", scan)), T0);

        store.saveAll(List.of(new FindingChangesStore.NodeSorting("run-2", scan)), T0.plusSeconds(5));

        assertThat(store.of("run-2", List.of("scan"))).containsOnlyKeys("scan").containsEntry("scan", scan.findings());
    }

    private static FindingsUpdated sorting(String nodeId, FindingsUpdated.FindingChange change) {
        return new FindingsUpdated("run:" + nodeId, nodeId, List.of(change), List.of());
    }
}
