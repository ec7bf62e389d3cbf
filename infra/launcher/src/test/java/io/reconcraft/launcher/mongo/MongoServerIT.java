package io.reconcraft.launcher.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.reconcraft.launcher.stack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoServerIT {

    @TempDir
    Path home;

    @Test
    void givenDocumentWritten_whenServerRestarts_thenDocumentIsStillThere() {
        Path file = home.resolve("mongo/reconcraft.mv");

        withServer(file, client -> workflows(client).insertOne(new Document("_id", "wf-1").append("name", "demo")));

        withServer(file, client -> {
            Document found = workflows(client).find(new Document("_id", "wf-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("demo");
        });
    }

    @Test
    void givenInsertsUpdatesAndDeletes_whenServerRestarts_thenEachDocumentIsInItsLastState() {
        Path file = home.resolve("mongo/reconcraft.mv");
        withServer(file, client -> {
            MongoCollection<Document> runs = runs(client);
            runs.insertOne(new Document("_id", "r1").append("status", "queued"));
            runs.insertOne(new Document("_id", "r2").append("status", "queued"));
            runs.insertOne(new Document("_id", "r3").append("status", "queued"));
            runs.updateOne(Filters.eq("_id", "r1"), Updates.combine(Updates.set("status", "succeeded"),
                    Updates.push("logs", "done")));
            runs.deleteOne(Filters.eq("_id", "r2"));
        });

        withServer(file, client -> {
            assertThat(runs(client).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .extracting(d -> d.getString("_id") + "=" + d.getString("status"))
                    .containsExactly("r1=succeeded", "r3=queued");
            assertThat(runs(client).find(Filters.eq("_id", "r1")).first().getList("logs", String.class))
                    .containsExactly("done");
        });
    }

    @Test
    void givenUniqueIndex_whenServerRestarts_thenItStillRefusesDuplicates() {
        Path file = home.resolve("mongo/reconcraft.mv");
        withServer(file, client -> {
            targets(client).createIndex(Indexes.ascending("value"), new IndexOptions().unique(true));
            targets(client).insertOne(new Document("_id", "t1").append("value", "127.0.0.1"));
        });

        withServer(file, client -> assertThatThrownBy(() -> targets(client)
                .insertOne(new Document("_id", "t2").append("value", "127.0.0.1")))
                .isInstanceOf(MongoWriteException.class));
    }

    @Test
    void givenDroppedCollection_whenServerRestarts_thenItStaysDropped() {
        Path file = home.resolve("mongo/reconcraft.mv");
        withServer(file, client -> {
            runs(client).insertOne(new Document("_id", "r1"));
            runs(client).drop();
            workflows(client).insertOne(new Document("_id", "wf-1"));
        });

        withServer(file, client -> {
            assertThat(runs(client).countDocuments()).isZero();
            assertThat(workflows(client).countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void givenJournalPastItsLimit_whenWritesGoOn_thenSnapshotsReplaceOldFilesAndNothingIsLost() throws Exception {
        Path file = home.resolve("mongo/reconcraft.mv");
        int port = Ports.free().mongo();
        try (MongoServer server = new MongoServer(file, port, 4 * 1024)) {
            server.start();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                for (int i = 0; i < 300; i++) {
                    runs(client).insertOne(new Document("_id", "r" + i).append("n", i).append("pad", "x".repeat(200)));
                    runs(client).updateOne(Filters.eq("_id", "r" + i), Updates.set("status", "done"));
                }
            }
        }
        try (Stream<Path> files = Files.list(home.resolve("mongo/reconcraft-store"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("journal"))).hasSizeLessThan(5);
        }

        withServer(file, client -> {
            assertThat(runs(client).countDocuments(Filters.eq("status", "done"))).isEqualTo(300);
            assertThat(runs(client).find(Filters.eq("_id", "r299")).first().getInteger("n")).isEqualTo(299);
        });
    }

    @Test
    void givenJournalWhoseLastRecordWasCutShort_whenServerStarts_thenEverythingBeforeItIsThere() throws IOException {
        Path file = home.resolve("mongo/reconcraft.mv");
        withServer(file, client -> {
            runs(client).insertOne(new Document("_id", "r1"));
            runs(client).insertOne(new Document("_id", "r2"));
        });
        Path journal;
        try (Stream<Path> files = Files.list(home.resolve("mongo/reconcraft-store"))) {
            journal = files.filter(f -> f.getFileName().toString().startsWith("journal")).findFirst().orElseThrow();
        }
        // a record header promising 200 bytes, then the launcher died
        Files.write(journal, new byte[] {(byte) 200, 0, 0, 0, 3, 1}, StandardOpenOption.APPEND);

        withServer(file, client -> assertThat(runs(client).countDocuments()).isEqualTo(2));
    }

    @Test
    void givenSecondaryIndex_whenQueriedByEqualityRangeAndIn_thenAnswersAreThoseOfAFullScan() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> events = client.getDatabase("reconcraft").getCollection("run_events");
            events.createIndex(Indexes.compoundIndex(Indexes.ascending("runId"), Indexes.ascending("seq")));
            for (int run = 0; run < 20; run++) {
                for (int seq = 1; seq <= 10; seq++) {
                    events.insertOne(new Document("_id", "run-" + run + ":" + seq).append("runId", "run-" + run)
                            .append("seq", (long) seq).append("tags", List.of("t" + seq % 3, "all")));
                }
            }
            events.updateOne(Filters.eq("_id", "run-3:4"), Updates.set("runId", "run-4"));

            assertThat(ids(events.find(Filters.and(Filters.eq("runId", "run-3"), Filters.gt("seq", 7)))
                    .sort(Sorts.ascending("seq")))).containsExactly("run-3:8", "run-3:9", "run-3:10");
            assertThat(ids(events.find(Filters.eq("runId", "run-3")))).hasSize(9).doesNotContain("run-3:4");
            assertThat(ids(events.find(Filters.eq("runId", "run-4")))).hasSize(11).contains("run-3:4");
            assertThat(ids(events.find(Filters.in("runId", "run-1", "run-2")))).hasSize(20);
            assertThat(ids(events.find(Filters.and(Filters.gte("runId", "run-17"), Filters.lt("runId", "run-19")))))
                    .hasSize(20);
        });
    }

    @Test
    void givenAnIndexOnAPathThroughArrays_whenQueriedByEqualityAndRange_thenAnswersAreThoseOfAFullScanEachOnce() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            runs.createIndex(Indexes.ascending("steps.tasks.deadline"));
            runs.createIndex(Indexes.ascending("history.runId"));
            runs.insertOne(new Document("_id", "r1").append("steps", List.of(
                    new Document("tasks", List.of(new Document("deadline", 10L), new Document("deadline", 20L))),
                    new Document("tasks", List.of(new Document("deadline", null)))))
                    .append("history", List.of(new Document("runId", "a"), new Document("runId", "b"))));
            runs.insertOne(new Document("_id", "r2").append("steps", List.of(
                    new Document("tasks", List.of(new Document("deadline", 30L)))))
                    .append("history", List.of(new Document("runId", "b"))));
            runs.insertOne(new Document("_id", "r3").append("steps", List.of()));
            runs.updateOne(Filters.eq("_id", "r2"), Updates.set("steps.0.tasks.0.deadline", 5L));

            assertThat(ids(runs.find(Filters.lte("steps.tasks.deadline", 25L)))).containsExactlyInAnyOrder("r1", "r2");
            assertThat(ids(runs.find(Filters.gt("steps.tasks.deadline", 25L)))).isEmpty();
            assertThat(ids(runs.find(Filters.eq("steps.tasks.deadline", 20L)))).containsExactly("r1");
            assertThat(ids(runs.find(Filters.in("history.runId", "b")))).containsExactlyInAnyOrder("r1", "r2");
            assertThat(ids(runs.find(Filters.eq("history.runId", "a")))).containsExactly("r1");
        });
    }

    @Test
    void givenGuardedUpdatesAndReadsById_whenTheyNameOtherFieldsToo_thenTheyActOnlyOnTheDocumentThatMatchesAll() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            for (int i = 0; i < 50; i++) {
                runs.insertOne(new Document("_id", "r" + i).append("status", "queued")
                        .append("steps", List.of(new Document("status", "queued"))));
            }

            Document claimed = runs.findOneAndUpdate(Filters.and(Filters.eq("_id", "r7"),
                    Filters.eq("steps.0.status", "queued")), Updates.set("steps.0.status", "running"));
            Document claimedAgain = runs.findOneAndUpdate(Filters.and(Filters.eq("_id", "r7"),
                    Filters.eq("steps.0.status", "queued")), Updates.set("steps.0.status", "running"));
            long guardedMiss = runs.updateOne(Filters.and(Filters.eq("_id", "r8"), Filters.eq("status", "running")),
                    Updates.set("status", "failed")).getModifiedCount();
            long guardedHit = runs.updateOne(Filters.and(Filters.eq("_id", "r8"), Filters.eq("status", "queued")),
                    Updates.set("status", "running")).getModifiedCount();

            assertThat(claimed).isNotNull();
            assertThat(claimedAgain).isNull();
            assertThat(guardedMiss).isZero();
            assertThat(guardedHit).isEqualTo(1);
            assertThat(ids(runs.find(Filters.eq("steps.0.status", "running")))).containsExactly("r7");
            assertThat(ids(runs.find(Filters.and(Filters.in("_id", "r8", "r9", "r10", "missing"),
                    Filters.eq("status", "queued"))))).containsExactlyInAnyOrder("r9", "r10");
            assertThat(ids(runs.find(Filters.and(Filters.eq("_id", "missing"), Filters.eq("status", "queued")))))
                    .isEmpty();
        });
    }

    @Test
    void givenIndexOnSortKey_whenFirstPageIsAsked_thenItHoldsTheNewestMatchingDocuments() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            runs.createIndex(Indexes.descending("startedAt"));
            for (int i = 0; i < 100; i++) {
                runs.insertOne(new Document("_id", "r" + i).append("startedAt", new java.util.Date(1_000_000L + i * 1000L))
                        .append("status", i % 2 == 0 ? "succeeded" : "failed"));
            }
            runs.insertOne(new Document("_id", "no-start").append("status", "failed"));

            assertThat(ids(runs.find().sort(Sorts.descending("startedAt")).limit(3))).containsExactly("r99", "r98", "r97");
            assertThat(ids(runs.find(Filters.eq("status", "succeeded")).sort(Sorts.descending("startedAt")).skip(1)
                    .limit(2))).containsExactly("r96", "r94");
            runs.createIndex(Indexes.ascending("status"));
            assertThat(ids(runs.find(Filters.eq("status", "succeeded")).sort(Sorts.descending("startedAt")).skip(1)
                    .limit(2))).as("with an index on the filter too").containsExactly("r96", "r94");
            assertThat(ids(runs.find(Filters.in("status", "failed", "queued")).sort(Sorts.descending("startedAt"))
                    .limit(2))).containsExactly("r99", "r97");
            assertThat(ids(runs.find().sort(Sorts.ascending("startedAt")).limit(2))).containsExactly("no-start", "r0");
            runs.insertOne(new Document("_id", "r99b").append("startedAt", new java.util.Date(1_000_000L + 99 * 1000L)));
            assertThat(ids(runs.find().sort(Sorts.orderBy(Sorts.descending("startedAt"), Sorts.descending("_id")))
                    .limit(1))).containsExactly("r99b");
            assertThat(ids(runs.find().sort(Sorts.orderBy(Sorts.descending("startedAt"), Sorts.ascending("_id")))
                    .limit(2))).containsExactly("r99", "r99b");
        });
    }

    @Test
    void givenAnIndexOnTheSortKey_whenEverythingIsReadInSmallBatches_thenItComesInTheOrderOfAFullScansSort() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> indexed = client.getDatabase("reconcraft").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("reconcraft").getCollection("plain");
            indexed.createIndex(Indexes.ascending("at"));
            for (int i = 0; i < 300; i++) {
                Document document = new Document("_id", String.format("d%03d", i)).append("kind", "k" + i % 4);
                if (i % 10 != 0) {
                    document.append("at", (long) (i * 7 % 50)); // ties of six on each key; every tenth has none
                }
                indexed.insertOne(document);
                plain.insertOne(document);
            }
            indexed.deleteOne(Filters.eq("_id", "d017"));
            plain.deleteOne(Filters.eq("_id", "d017"));
            List<org.bson.conversions.Bson> orders = List.of(Sorts.ascending("at"), Sorts.descending("at"),
                    Sorts.orderBy(Sorts.ascending("at"), Sorts.descending("_id")),
                    Sorts.orderBy(Sorts.descending("at"), Sorts.ascending("_id")));

            for (org.bson.conversions.Bson order : orders) {
                assertThat(ids(indexed.find().sort(order).batchSize(7))).as("%s", order)
                        .hasSize(299).isEqualTo(ids(plain.find().sort(order)));
                assertThat(ids(indexed.find(Filters.eq("kind", "k1")).sort(order).skip(5).batchSize(4)))
                        .as("matched and skipped, %s", order)
                        .isEqualTo(ids(plain.find(Filters.eq("kind", "k1")).sort(order).skip(5)));
                assertThat(ids(indexed.find(Filters.gte("at", 30L)).sort(order).batchSize(9)))
                        .as("a range of the sort key, %s", order)
                        .isEqualTo(ids(plain.find(Filters.gte("at", 30L)).sort(order)));
            }
            assertThat(indexed.find().sort(Sorts.ascending("at")).projection(Projections.include("at")).batchSize(5)
                    .into(new ArrayList<>())).hasSize(299).allSatisfy(d -> assertThat(d).doesNotContainKey("kind"));
        });
    }

    @Test
    void givenAnArrayOnTheSortKey_whenEverythingIsReadInBatches_thenTheDocumentComesOnceWhereItsKeySortsIt() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            runs.createIndex(Indexes.ascending("at"));
            for (int i = 0; i < 10; i++) {
                runs.insertOne(new Document("_id", "r" + i).append("at", (long) i * 10));
            }
            runs.insertOne(new Document("_id", "many").append("at", List.of(45L, 5L, 95L)));

            List<String> ascending = ids(runs.find().sort(Sorts.ascending("at")).batchSize(2));
            List<String> descending = ids(runs.find().sort(Sorts.descending("at")).batchSize(2));

            assertThat(ascending).containsExactly("r0", "many", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
            assertThat(descending).containsExactly("many", "r9", "r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1", "r0");
        });
    }

    @Test
    void givenALongSortedRead_whenOnlyItsFirstBatchIsTaken_thenOnlyAboutThatBatchIsMatched() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> chain = client.getDatabase("audit").getCollection("audit_events");
            chain.createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true).sparse(true));
            List<Document> records = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                records.add(new Document("_id", "e" + i).append("sequence", (long) i));
            }
            chain.insertMany(records);

            long before = examined(client, "audit audit_events");
            try (var cursor = chain.find(Filters.gte("sequence", 0L)).sort(Sorts.ascending("sequence")).batchSize(50)
                    .iterator()) {
                assertThat(cursor.next().get("_id")).isEqualTo("e0");
            }
            long firstBatch = examined(client, "audit audit_events") - before;
            List<Document> all = chain.find(Filters.gte("sequence", 0L)).sort(Sorts.ascending("sequence"))
                    .batchSize(50).into(new ArrayList<>());
            long whole = examined(client, "audit audit_events") - before - firstBatch;

            assertThat(firstBatch).as("the first batch and the one after it, not the whole chain").isLessThan(200);
            assertThat(whole).isGreaterThanOrEqualTo(3_000);
            assertThat(all).extracting(record -> record.get("_id")).hasSize(3_000).startsWith("e0", "e1")
                    .endsWith("e2999");
        });
    }

    @Test
    void givenASortedReadWithoutALimitThatAnotherIndexNarrows_whenRead_thenOnlyThatIndexsCandidatesAreExamined() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            runs.createIndex(Indexes.descending("startedAt"));
            runs.createIndex(Indexes.ascending("status"));
            List<Document> stored = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) {
                stored.add(new Document("_id", "r" + i).append("startedAt", (long) i)
                        .append("status", i % 4 == 0 ? "queued" : "succeeded"));
            }
            runs.insertMany(stored);

            long before = examined(client, "reconcraft runs");
            List<String> queued = ids(runs.find(Filters.eq("status", "queued")).sort(Sorts.ascending("startedAt")));
            long examined = examined(client, "reconcraft runs") - before;

            assertThat(queued).hasSize(3_000).startsWith("r0", "r4").endsWith("r11996");
            assertThat(examined).as("the 3,000 queued runs, not the 12,000 along the start index")
                    .isLessThanOrEqualTo(2 * 3_000);
        });
    }

    @Test
    void givenALongSortedRead_whenDocumentsChangeBetweenItsBatches_thenItGoesOnFromWhereItStood() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> chain = client.getDatabase("audit").getCollection("audit_events");
            chain.createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < 200; i += 2) {
                chain.insertOne(new Document("_id", "e" + i).append("sequence", (long) i));
            }
            List<Object> read = new ArrayList<>();

            try (var cursor = chain.find().sort(Sorts.ascending("sequence")).batchSize(10).iterator()) {
                for (int i = 0; i < 10; i++) {
                    read.add(cursor.next().get("sequence"));
                }
                chain.insertOne(new Document("_id", "e1").append("sequence", 1L)); // behind the read
                chain.insertOne(new Document("_id", "e101").append("sequence", 101L)); // ahead of it
                chain.deleteOne(Filters.eq("_id", "e150"));
                cursor.forEachRemaining(record -> read.add(record.get("sequence")));
            }

            assertThat(read).hasSize(100).doesNotHaveDuplicates().contains(101L).doesNotContain(1L, 150L)
                    .isSortedAccordingTo(java.util.Comparator.comparingLong(value -> (Long) value));
        });
    }

    @Test
    void givenIndexedCollection_whenCountedAndAggregated_thenAnswersAreThoseOfAFullScan() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            runs.createIndex(Indexes.ascending("status"));
            for (int i = 0; i < 60; i++) {
                runs.insertOne(new Document("_id", "r" + i).append("status", i % 3 == 0 ? "queued" : "succeeded")
                        .append("requestedBy", "key-" + i % 2));
            }
            runs.insertOne(new Document("_id", "no-status"));
            runs.deleteOne(Filters.eq("_id", "r3"));
            MongoCollection<Document> empty = client.getDatabase("reconcraft").getCollection("nothing");

            assertThat(runs.countDocuments()).isEqualTo(60);
            assertThat(runs.countDocuments(Filters.eq("status", "queued"))).isEqualTo(19);
            assertThat(runs.countDocuments(Filters.and(Filters.eq("status", "queued"), Filters.eq("requestedBy", "key-0"))))
                    .isEqualTo(10);
            assertThat(runs.countDocuments(Filters.exists("status", false))).isEqualTo(1);
            runs.updateOne(Filters.eq("_id", "r0"), Updates.set("status", List.of("succeeded", "queued")));
            runs.updateOne(Filters.eq("_id", "r6"), Updates.set("status", "succeeded"));
            assertThat(runs.countDocuments(Filters.eq("status", "queued"))).isEqualTo(18);
            assertThat(runs.countDocuments(Filters.eq("status", "succeeded"))).isEqualTo(42);
            assertThat(runs.countDocuments(Filters.eq("status", "failed"))).isZero();
            runs.updateMany(Filters.in("_id", "r0", "r6"), Updates.set("status", "queued"));
            assertThat(runs.countDocuments(Filters.eq("status", "queued"), new com.mongodb.client.model.CountOptions()
                    .skip(5).limit(10))).isEqualTo(10);
            assertThat(empty.countDocuments()).isZero();
            assertThat(empty.countDocuments(Filters.eq("status", "queued"))).isZero();
            assertThat(runs.aggregate(List.of(com.mongodb.client.model.Aggregates.match(Filters.eq("status", "succeeded")),
                            com.mongodb.client.model.Aggregates.group("$requestedBy",
                                    com.mongodb.client.model.Accumulators.sum("n", 1)),
                            com.mongodb.client.model.Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>()))
                    .extracting(d -> d.getString("_id") + "=" + d.getInteger("n"))
                    .containsExactly("key-0=20", "key-1=20");
        });
    }

    @Test
    void givenCommandsFromTwoDatabases_whenCountsAreAsked_thenEachCommandIsCountedByDatabaseAndCollection() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            MongoCollection<Document> keys = client.getDatabase("gateway").getCollection("api_keys");
            runs.insertOne(new Document("_id", "r1"));
            runs.insertOne(new Document("_id", "r2"));
            runs.find(Filters.eq("_id", "r1")).first();
            keys.insertOne(new Document("_id", "k1"));

            Document counts = client.getDatabase("anything").runCommand(new Document(CommandCounts.COMMAND, 1))
                    .get("counts", Document.class);

            assertThat(counts.get("reconcraft insert runs", Number.class).longValue()).isEqualTo(2);
            assertThat(counts.get("reconcraft find runs", Number.class).longValue()).isEqualTo(1);
            assertThat(counts.get("gateway insert api_keys", Number.class).longValue()).isEqualTo(1);
            assertThat(counts).doesNotContainKey("anything " + CommandCounts.COMMAND);
        });
    }

    @Test
    void givenQueriesWithAndWithoutAnIndex_whenCountsAreAsked_thenTheDocumentsEachMatchedOneByOneAreCounted() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            runs.createIndex(Indexes.ascending("status"));
            for (int i = 0; i < 10; i++) {
                runs.insertOne(new Document("_id", "r" + i).append("status", i == 0 ? "running" : "succeeded")
                        .append("name", "run " + i));
            }

            long before = examined(client, "reconcraft runs");
            runs.find(Filters.eq("status", "running")).into(new ArrayList<>());
            long afterIndexed = examined(client, "reconcraft runs");
            runs.find(Filters.eq("name", "run 3")).into(new ArrayList<>());
            long afterScan = examined(client, "reconcraft runs");

            assertThat(afterIndexed - before).as("the status index hands over its one candidate").isEqualTo(1);
            assertThat(afterScan - afterIndexed).as("no index on name: every document").isEqualTo(10);
        });
    }

    @Test
    void givenARangeIndexMadeFirst_whenAQueryAlsoNamesAMoreSelectiveIndexedField_thenOnlyItsCandidatesAreExamined() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            runs.createIndex(Indexes.descending("startedAt"));
            runs.createIndex(Indexes.ascending("status"));
            List<Document> history = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                history.add(new Document("_id", "r" + i).append("startedAt", i)
                        .append("status", i % 100 == 0 ? "queued" : "succeeded").append("group", "g"));
            }
            runs.insertMany(history);
            // as the gateway counts the queued runs ahead of one: every condition in one flat document
            Document aheadOfTheLast = new Document("status", "queued").append("group", "g")
                    .append("startedAt", new Document("$lt", 450));

            long before = examined(client, "reconcraft runs");
            long counted = runs.countDocuments(aheadOfTheLast);
            long afterCount = examined(client, "reconcraft runs");
            List<Document> found = runs.find(aheadOfTheLast).into(new ArrayList<>());
            long afterFind = examined(client, "reconcraft runs");

            assertThat(counted).isEqualTo(5);
            assertThat(found).hasSize(5);
            assertThat(afterCount - before).as("the status index's 5, not the 450 started before").isEqualTo(5);
            assertThat(afterFind - afterCount).isEqualTo(5);
        });
    }

    @Test
    void givenAUniqueIndexOnAChainsSequence_whenItsEndsAndTheRecordsAfterOneAreAsked_thenOnlyThoseAreExamined() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> chain = client.getDatabase("audit").getCollection("audit_events");
            chain.createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true).sparse(true));
            List<Document> records = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                records.add(new Document("_id", "e" + i).append("sequence", (long) i).append("kind", "StepCompleted"));
            }
            chain.insertMany(records);
            Document chained = new Document("sequence", new Document("$exists", true));

            long before = examined(client, "audit audit_events");
            Document first = chain.find(chained).sort(Sorts.ascending("sequence")).limit(1).first();
            Document last = chain.find(chained).sort(Sorts.descending("sequence")).limit(1).first();
            List<Document> after = chain.find(Filters.gt("sequence", 490L)).sort(Sorts.ascending("sequence"))
                    .into(new ArrayList<>());
            long examined = examined(client, "audit audit_events") - before;

            assertThat(first.get("_id")).isEqualTo("e0");
            assertThat(last.get("_id")).isEqualTo("e499");
            assertThat(after).extracting(record -> record.get("_id"))
                    .containsExactly("e491", "e492", "e493", "e494", "e495", "e496", "e497", "e498", "e499");
            assertThat(examined).as("the two ends and the nine after 490, not the chain three times")
                    .isLessThanOrEqualTo(2 * 2 + 9);
            assertThatThrownBy(() -> chain.insertOne(new Document("_id", "again").append("sequence", 7L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void givenClientsQueryingACollection_whenAnotherCreatesIndexesOnIt_thenEveryQueryIsAnswered() {
        withServer(home.resolve("m.mv"), client -> {
            MongoCollection<Document> runs = runs(client);
            List<Document> history = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                history.add(new Document("_id", "r" + i).append("status", "succeeded").append("n", i)
                        .append("f" + (i % 40), i));
            }
            runs.insertMany(history);
            AtomicBoolean creating = new AtomicBoolean(true);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread reader = new Thread(() -> {
                    while (creating.get()) {
                        try {
                            runs.find(Filters.and(Filters.eq("status", "running"), Filters.gte("f1", 0)))
                                    .sort(Sorts.descending("n")).limit(5).into(new ArrayList<>());
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }

            // when another client creates forty indexes, each built over the 2,000 documents, and drops them, eight times
            for (int round = 0; round < 8; round++) {
                for (int f = 0; f < 40; f++) {
                    runs.createIndex(Indexes.ascending("f" + f));
                }
                for (int f = 0; f < 40; f++) {
                    runs.dropIndex(Indexes.ascending("f" + f));
                }
            }
            creating.set(false);
            readers.forEach(reader -> {
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            assertThat(failures).isEmpty();
        });
    }

    private static long examined(MongoClient client, String databaseAndCollection) {
        Document examined = client.getDatabase("anything").runCommand(new Document(CommandCounts.COMMAND, 1))
                .get("examined", Document.class);
        Number count = examined.get(databaseAndCollection, Number.class);
        return count == null ? 0 : count.longValue();
    }

    @Test
    void givenStartedServer_whenClosedTwice_thenSecondCloseIsHarmless() {
        MongoServer server = new MongoServer(home.resolve("m.mv"), Ports.free().mongo());
        server.start();

        server.close();
        server.close();

        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void givenSeveralClientsConnected_whenEachSendsACommand_thenOneServerThreadPerTwoCoresServedThemAll() {
        Set<Long> before = workerThreads();
        int port = Ports.free().mongo();
        try (MongoServer server = new MongoServer(home.resolve("m.mv"), port)) {
            server.start();
            List<MongoClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port);
                    clients.add(client);
                    runs(client).insertOne(new Document("_id", "r" + i));
                }
                Set<Long> started = workerThreads();
                started.removeAll(before);

                // nine connections (three per client): the library's default would have started a thread per core
                assertThat(started).isNotEmpty()
                        .hasSizeLessThanOrEqualTo(MongoServer.servingThreads(Runtime.getRuntime().availableProcessors()));
                assertThat(runs(clients.get(0)).countDocuments()).isEqualTo(3);
            } finally {
                clients.forEach(MongoClient::close);
            }
        }
    }

    /** The ids of the live threads serving the embedded server's connections (the library names them). */
    private static Set<Long> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("mongo-server-worker"))
                .map(Thread::getId).collect(Collectors.toCollection(HashSet::new));
    }

    private static void withServer(Path file, Consumer<MongoClient> action) {
        int port = Ports.free().mongo();
        try (MongoServer server = new MongoServer(file, port)) {
            server.start();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                action.accept(client);
            }
        }
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static MongoCollection<Document> workflows(MongoClient client) {
        return client.getDatabase("reconcraft").getCollection("workflows");
    }

    private static MongoCollection<Document> runs(MongoClient client) {
        return client.getDatabase("reconcraft").getCollection("runs");
    }

    private static MongoCollection<Document> targets(MongoClient client) {
        return client.getDatabase("reconcraft").getCollection("targets");
    }
}
