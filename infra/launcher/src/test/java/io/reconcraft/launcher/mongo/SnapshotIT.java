package io.reconcraft.launcher.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.reconcraft.launcher.stack.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of the embedded store: written while the collections' writers go on (a write made in the middle of a
 * snapshot completes before the snapshot does, and survives a restart from that snapshot and its journal), and no
 * more often than the store is large.
 */
class SnapshotIT {

    private static final int RUNS = 2 * SnapshotWriter.BATCH + 500;

    @TempDir
    Path store;

    @Test
    void givenSnapshotHalfWritten_whenAnotherClientWritesThatCollection_thenTheWriteCompletesAndSurvivesARestart()
            throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            withBackend(Long.MAX_VALUE, (backend, client) -> {
                List<Document> runs = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    runs.add(new Document("_id", "r" + i).append("status", "queued"));
                }
                runs(client).insertMany(runs);
                AtomicBoolean wroteMeanwhile = new AtomicBoolean();

                // given a snapshot that has written the first batch of runs and waits there for the writes below
                backend.compactNow((database, collection) -> {
                    if (!"runs".equals(collection) || !wroteMeanwhile.compareAndSet(false, true)) {
                        return;
                    }
                    // when another client changes a run already written, removes one not yet written and adds one
                    Future<?> writes = writer.submit(() -> {
                        runs(client).updateOne(Filters.eq("_id", "r0"), Updates.set("status", "succeeded"));
                        runs(client).deleteOne(Filters.eq("_id", "r" + (RUNS - 1)));
                        runs(client).insertOne(new Document("_id", "late").append("status", "queued"));
                    });
                    // then they complete while the snapshot is still under way (a lock held for the whole
                    // collection would leave them waiting for this very snapshot: the wait would never end)
                    awaitQuietly(writes);
                });
                assertThat(wroteMeanwhile).isTrue();
            });
        } finally {
            writer.shutdownNow();
        }

        // and a restart from that snapshot and its journal has each document in its last state
        withBackend(Long.MAX_VALUE, (backend, client) -> {
            assertThat(runs(client).countDocuments()).isEqualTo(RUNS);
            assertThat(runs(client).find(Filters.eq("_id", "r0")).first().getString("status")).isEqualTo("succeeded");
            assertThat(runs(client).find(Filters.eq("_id", "r" + (RUNS - 1))).first()).isNull();
            assertThat(runs(client).find(Filters.eq("_id", "late")).first()).isNotNull();
        });
    }

    @Test
    void givenLargeStoreAndSmallJournalLimit_whenLessThanTheStoreIsJournaled_thenNoSnapshotIsDueYet() throws Exception {
        withBackend(Long.MAX_VALUE, (backend, client) -> {
            List<Document> runs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                runs.add(new Document("_id", "r" + i).append("pad", "x".repeat(1_000)));
            }
            runs(client).insertMany(runs);
        });

        // the restart writes a snapshot of about 200 KB; the journal's own limit is 4 KB
        withBackend(4 * 1024, (backend, client) -> {
            runs(client).insertOne(new Document("_id", "late").append("pad", "x".repeat(20_000)));

            assertThat(backend.snapshotDue()).isFalse();
        });
    }

    private static void awaitQuietly(Future<?> writes) {
        try {
            // a bound only so that a regression fails instead of hanging the build
            writes.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the writes made during the snapshot did not complete", e);
        }
    }

    private void withBackend(long journalLimit, BackendAction action) throws Exception {
        int port = Ports.free().mongo();
        DurableBackend backend = new DurableBackend(store, journalLimit);
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                action.accept(backend, client);
            }
        } finally {
            server.shutdown();
            backend.close();
        }
    }

    private interface BackendAction {
        void accept(DurableBackend backend, MongoClient client) throws Exception;
    }

    private static MongoCollection<Document> runs(MongoClient client) {
        return client.getDatabase("reconcraft").getCollection("runs");
    }
}
