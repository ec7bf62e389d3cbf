package io.reconcraft.launcher.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.reconcraft.launcher.stack.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store changes its own decoded copy of a document named by {@code _id} instead of the library's copies
 * ({@link StoredUpdate}): every answer and every stored state must be the library's own, which these tests take from
 * the library's in-memory server given the same commands.
 */
class StoredUpdateIT {

    private static final Bson BY_ID = Sorts.ascending("_id"); // an order no index's bookkeeping can change

    @TempDir
    Path home;

    @Test
    void givenOperatorsOnNestedPaths_whenAppliedById_thenAnswersAndDocumentsAreTheLibrarys() {
        assertSameAsLibrary(runs -> List.of(
                runs.updateOne(Filters.eq("_id", "r1"), Updates.combine(
                        Updates.set("steps.1.tasks.0.status", "running"), Updates.inc("activeTasks", 1),
                        Updates.unset("steps.0.deadline"),
                        Updates.push("steps.1.tasks.0.attempts", new Document("attempt", 1)))).toString(),
                runs.updateOne(Filters.and(Filters.eq("_id", "r1"), Filters.eq("status", "running")),
                        Updates.combine(Updates.max("seq", 9L), Updates.min("createdAt", 1L),
                                Updates.addToSet("tags", "b"), Updates.set("steps.5.status", "late"))).toString(),
                runs.updateOne(Filters.eq("_id", "r1"), Updates.pushEach("log", List.of("x", "y"),
                        new PushOptions().slice(-3))).toString(),
                runs.updateMany(Filters.and(Filters.in("_id", "r1", "r2", "missing"), Filters.eq("status", "running")),
                        Updates.set("status", "succeeded")).toString(),
                String.valueOf(runs.find().sort(BY_ID).into(new ArrayList<>()))));
    }

    @Test
    void givenUpdatesThatChangeNothingOrMatchNothing_whenApplied_thenNothingIsCountedAsModified() {
        assertSameAsLibrary(runs -> List.of(
                runs.updateOne(Filters.eq("_id", "r1"), Updates.set("status", "running")).toString(),
                runs.updateOne(Filters.eq("_id", "r1"), Updates.set("steps.0.status", "queued")).toString(),
                runs.updateOne(Filters.and(Filters.eq("_id", "r1"), Filters.eq("status", "queued")),
                        Updates.set("status", "failed")).toString(),
                runs.updateOne(Filters.eq("_id", "missing"), Updates.set("status", "failed")).toString(),
                String.valueOf(runs.find().sort(BY_ID).into(new ArrayList<>()))));
    }

    @Test
    void givenFindAndModify_whenAskedForTheDocumentBeforeOrAfterOrSomeFields_thenEachIsTheLibrarys() {
        assertSameAsLibrary(runs -> List.of(
                String.valueOf(runs.findOneAndUpdate(Filters.eq("_id", "r1"), Updates.inc("activeTasks", 1))),
                String.valueOf(runs.findOneAndUpdate(Filters.eq("_id", "r1"), Updates.inc("activeTasks", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))),
                String.valueOf(runs.findOneAndUpdate(Filters.eq("_id", "r2"), Updates.set("steps.0.status", "running"),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                                .projection(Projections.include("steps.status", "status")))),
                String.valueOf(runs.findOneAndUpdate(Filters.and(Filters.eq("_id", "r2"), Filters.eq("status", "x")),
                        Updates.set("status", "y"))),
                String.valueOf(runs.find().sort(BY_ID).into(new ArrayList<>()))));
    }

    @Test
    void givenWholeReplacements_whenTheyKeepOrOmitOrChangeTheId_thenAnswersAndErrorsAreTheLibrarys() {
        assertSameAsLibrary(runs -> List.of(
                runs.replaceOne(Filters.eq("_id", "r1"), new Document("status", "replaced").append("n", 1)).toString(),
                runs.replaceOne(Filters.eq("_id", "r2"), new Document("_id", "r2").append("status", "again"))
                        .toString(),
                outcome(() -> runs.replaceOne(Filters.eq("_id", "r2"), new Document("_id", "other"))),
                runs.replaceOne(Filters.eq("_id", "r9"), new Document("status", "new"),
                        new ReplaceOptions().upsert(true)).toString(),
                String.valueOf(runs.find().sort(BY_ID).into(new ArrayList<>()))));
    }

    @Test
    void givenUniqueAndSecondaryIndexes_whenUpdatesChangeTheirKeys_thenQueriesAndRefusalsAreTheLibrarys() {
        assertSameAsLibrary(runs -> {
            runs.createIndex(Indexes.ascending("slot"), new IndexOptions().unique(true).sparse(true));
            runs.createIndex(Indexes.ascending("status"));
            runs.createIndex(Indexes.ascending("steps.status"));
            runs.createIndex(Indexes.ascending("tags"));
            return List.of(
                    runs.updateOne(Filters.eq("_id", "r1"), Updates.set("slot", 1)).toString(),
                    outcome(() -> runs.updateOne(Filters.eq("_id", "r2"), Updates.set("slot", 1))),
                    outcome(() -> runs.findOneAndUpdate(Filters.eq("_id", "r2"), Updates.set("slot", 1))),
                    outcome(() -> runs.updateMany(Filters.in("_id", "r2", "r3"), Updates.set("slot", 2))),
                    runs.updateOne(Filters.eq("_id", "r2"), Updates.combine(Updates.set("status", "failed"),
                            Updates.set("steps.1.status", "failed"))).toString(),
                    String.valueOf(runs.find(Filters.eq("status", "failed")).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("status", "running")).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("steps.status", "failed")).sort(BY_ID).into(new ArrayList<>())),
                    runs.updateOne(Filters.eq("_id", "r3"), Updates.combine(Updates.set("status", "running"),
                            Updates.addToSet("tags", "z"), Updates.inc("activeTasks", 1))).toString(),
                    String.valueOf(runs.find(Filters.eq("slot", 1)).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("tags", "z")).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("status", "running")).sort(BY_ID).into(new ArrayList<>())));
        });
    }

    @Test
    void givenIndexesOnPathsThroughArrays_whenUpdatesSetUnsetAndPushThere_thenQueriesByThemAreTheLibrarys() {
        assertSameAsLibrary(runs -> {
            runs.createIndex(Indexes.ascending("steps.deadline"));
            runs.createIndex(Indexes.ascending("steps.tasks.status"));
            return List.of(
                    runs.updateOne(Filters.eq("_id", "r1"), Updates.set("steps.0.deadline", 9L)).toString(),
                    runs.updateOne(Filters.eq("_id", "r2"), Updates.unset("steps.0.deadline")).toString(),
                    runs.updateOne(Filters.eq("_id", "r3"), Updates.set("steps.1.tasks.0.status", "running"))
                            .toString(),
                    runs.updateOne(Filters.eq("_id", "r1"), Updates.push("steps.1.tasks",
                            new Document("status", "failed"))).toString(),
                    String.valueOf(runs.find(Filters.lte("steps.deadline", 7L)).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.gt("steps.deadline", 7L)).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("steps.tasks.status", "queued")).sort(BY_ID)
                            .into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("steps.tasks.status", "failed")).sort(BY_ID)
                            .into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("steps.tasks.status", "running")).sort(BY_ID)
                            .into(new ArrayList<>())));
        });
    }

    @Test
    void givenGuardsAndUpdatesOnStepsByIndex_whenAppliedWithIndexesThroughTheArrays_thenAllIsTheLibrarys() {
        // guards written as the services' stores write them: the id and the guarded paths side by side, as Spring's
        // Criteria renders them (the driver's Filters.and renders an $and, which the store leaves to the library)
        assertSameAsLibrary(runs -> {
            runs.createIndex(Indexes.ascending("steps.deadline"));
            runs.createIndex(Indexes.ascending("steps.tasks.status"));
            runs.createIndex(Indexes.ascending("status"));
            return List.of(
                    String.valueOf(runs.findOneAndUpdate(
                            new Document("_id", "r1").append("steps.1.tasks.0.status", "queued"),
                            Updates.combine(Updates.set("steps.1.tasks.0.status", "running"),
                                    Updates.set("steps.1.tasks.0.deadline", 4L), Updates.inc("activeTasks", 1)),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                                    .projection(Projections.include("activeTasks")))),
                    String.valueOf(runs.findOneAndUpdate(
                            new Document("_id", "r1").append("steps.1.tasks.0.status", "queued"),
                            Updates.set("steps.1.tasks.0.status", "running"))),
                    String.valueOf(runs.findOneAndUpdate(new Document("_id", "r2").append("$or", List.of(
                                    new Document("steps.0.status", "queued"), new Document("status", "x"))),
                            Updates.combine(Updates.set("steps.0.deadline", 3L), Updates.unset("steps.0.status"),
                                    Updates.set("steps.4.status", "padded")),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                                    .projection(Projections.include("steps.status", "steps.deadline")))),
                    runs.updateOne(new Document("_id", "r3").append("steps.0.deadline", 7L),
                            Updates.combine(Updates.set("steps.0", new Document("status", "replaced")),
                                    Updates.set("status", "failed"))).toString(),
                    runs.updateOne(new Document("_id", "r3").append("steps.tasks.status", "queued"),
                            Updates.set("steps.1.name", "found by a field through the array")).toString(),
                    runs.updateOne(new Document("_id", "r2").append("steps.1.tasks.0.status", "running"),
                            Updates.set("status", "guard not met")).toString(),
                    String.valueOf(runs.findOneAndUpdate(new Document("_id", "r2").append("status", "running"),
                            Updates.combine(Updates.push("steps.1.tasks", new Document("status", "queued")),
                                    Updates.set("steps.1.name", "pushed")),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))),
                    String.valueOf(runs.find(Filters.lte("steps.deadline", 4L)).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("steps.tasks.status", "running")).sort(BY_ID)
                            .into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("steps.tasks.status", "queued")).sort(BY_ID)
                            .into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("status", "failed")).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find().sort(BY_ID).into(new ArrayList<>())));
        });
    }

    @Test
    void givenQueriesOnTopLevelFieldsWithProjectionsSortsAndOtherConditions_whenRun_thenAnswersAreTheLibrarys() {
        assertSameAsLibrary(runs -> {
            runs.createIndex(Indexes.ascending("status"));
            runs.updateOne(Filters.eq("_id", "r2"), Updates.combine(Updates.set("activeTasks", 2),
                    Updates.set("createdAt", 9L)));
            runs.updateOne(Filters.eq("_id", "r3"), Updates.set("status", "queued"));
            return List.of(
                    String.valueOf(runs.find(Filters.and(Filters.eq("status", "running"), Filters.gt("activeTasks", 0)))
                            .projection(Projections.include("activeTasks")).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("status", "running"))
                            .projection(Projections.fields(Projections.include("createdAt"), Projections.excludeId()))
                            .sort(Sorts.descending("createdAt")).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.and(Filters.eq("status", "running"),
                                    Filters.not(Filters.gte("activeTasks", 2)),
                                    Filters.eq("steps.tasks.status", "queued")))
                            .projection(Projections.include("_id")).sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.and(Filters.in("status", "running", "queued"),
                                    Filters.elemMatch("steps", Filters.lte("deadline", 7L))))
                            .sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.exists("missing", false)).projection(Projections.include("seq"))
                            .sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("tags", "a")).projection(Projections.include("tags", "log"))
                            .sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.countDocuments(Filters.and(Filters.eq("status", "running"),
                            Filters.lt("activeTasks", 1)))));
        });
    }

    @Test
    void givenProjectionsThatLeaveOutTopLevelFields_whenQueriedEveryWay_thenAnswersAndStoredDocumentsAreTheLibrarys() {
        assertSameAsLibrary(runs -> {
            runs.createIndex(Indexes.descending("createdAt"));
            runs.updateOne(Filters.eq("_id", "r2"), Updates.combine(Updates.set("createdAt", 9L),
                    Updates.set("status", "queued")));
            Bson internal = Projections.exclude("steps", "snapshot", "log");
            return List.of(
                    // a page by the indexed sort key, leaving out the field it is sorted by and one it is filtered on
                    String.valueOf(runs.find(Filters.in("status", "running", "queued"))
                            .projection(Projections.exclude("createdAt", "status", "snapshot"))
                            .sort(Sorts.orderBy(Sorts.descending("createdAt"), BY_ID)).skip(1).limit(1)
                            .into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("_id", "r1")).projection(internal).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.in("_id", "r3", "r1")).projection(internal).sort(BY_ID)
                            .into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("tags", "a")).projection(Projections.fields(internal,
                            Projections.excludeId())).sort(Sorts.descending("seq", "_id")).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("status", "running"))
                            .projection(new Document("steps", false).append("snapshot", 0.0).append("missing", 0L))
                            .sort(BY_ID).into(new ArrayList<>())),
                    String.valueOf(runs.findOneAndUpdate(Filters.eq("_id", "r3"), Updates.inc("activeTasks", 1),
                            new FindOneAndUpdateOptions().projection(internal)
                                    .returnDocument(ReturnDocument.AFTER))),
                    // what was left out of the answers is still stored
                    String.valueOf(runs.find().sort(BY_ID).into(new ArrayList<>())));
        });
    }

    @Test
    void givenPagesOfIdsByTheIndexedSortKey_whenFilteredAndSkipped_thenAnswersAreTheLibrarys() {
        assertSameAsLibrary(runs -> {
            runs.createIndex(Indexes.descending("createdAt"));
            for (int i = 4; i <= 9; i++) {
                runs.insertOne(new Document("_id", "r" + i).append("status", i % 2 == 0 ? "running" : "queued")
                        .append("createdAt", (long) i % 4).append("steps", List.of(new Document("status", "queued"))));
            }
            Bson newestFirst = Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id"));
            return List.of(
                    String.valueOf(runs.find().projection(Projections.include("_id")).sort(newestFirst)
                            .skip(2).limit(3).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("status", "running")).projection(Projections.include("_id"))
                            .sort(newestFirst).skip(1).limit(2).into(new ArrayList<>())),
                    String.valueOf(runs.find(Filters.eq("status", "queued"))
                            .projection(Projections.include("status", "createdAt")).sort(newestFirst).limit(2)
                            .into(new ArrayList<>())),
                    // a tie on the first key across the page's end: every tied document is weighed by the second
                    String.valueOf(runs.find().projection(Projections.include("_id")).sort(newestFirst).limit(4)
                            .into(new ArrayList<>())));
        });
    }

    @Test
    void givenUpdatesTheLibraryRefuses_whenApplied_thenTheyAreRefusedAlikeAndChangeNothing() {
        assertSameAsLibrary(runs -> List.of(
                outcome(() -> runs.updateOne(Filters.eq("_id", "r1"), Updates.set("bad", new Document("$x", 1)))),
                outcome(() -> runs.updateOne(Filters.eq("_id", "r1"), Updates.combine(Updates.set("steps.0", 1),
                        Updates.set("steps.0.status", "x")))),
                outcome(() -> runs.updateOne(Filters.eq("_id", "r1"), Updates.set("_id", "r7"))),
                outcome(() -> runs.updateOne(Filters.eq("_id", "r1"), Updates.inc("status", 1))),
                String.valueOf(runs.find().sort(BY_ID).into(new ArrayList<>()))));
    }

    @Test
    void givenUpdatesInPlace_whenTheServerRestarts_thenEachDocumentIsInItsLastState() {
        Path file = home.resolve("m.mv");
        List<Document> before = new ArrayList<>();
        withOurServer(file, client -> {
            MongoCollection<Document> runs = seeded(client);
            runs.updateOne(Filters.eq("_id", "r1"), Updates.set("steps.1.status", "succeeded"));
            runs.replaceOne(Filters.eq("_id", "r2"), new Document("status", "replaced"));
            runs.findOneAndUpdate(Filters.eq("_id", "r1"), Updates.inc("activeTasks", -1));
            runs.find().into(before);
            return null;
        });

        List<Document> after = withOurServer(file, client -> runs(client).find().sort(BY_ID).into(new ArrayList<>()));

        assertThat(after).isEqualTo(before);
        assertThat(after.get(0).getList("steps", Document.class).get(1).getString("status")).isEqualTo("succeeded");
    }

    /**
     * The commands' answers from our server and the library's, given the same documents: small ones, which an update
     * decodes whole, and ones large enough to be decoded along its paths alone (JournaledCollection.PARTIAL_FROM_BYTES).
     */
    private void assertSameAsLibrary(Function<MongoCollection<Document>, List<String>> commands) {
        for (boolean large : List.of(false, true)) {
            List<String> ours = withOurServer(home.resolve("ours-" + large + ".mv"),
                    client -> commands.apply(seeded(client, large)));
            List<String> library = withLibraryServer(client -> commands.apply(seeded(client, large)));

            assertThat(ours).as(large ? "large documents" : "small documents").isEqualTo(library);
        }
    }

    private static MongoCollection<Document> seeded(MongoClient client) {
        return seeded(client, false);
    }

    private static MongoCollection<Document> seeded(MongoClient client, boolean large) {
        MongoCollection<Document> runs = runs(client);
        for (String id : List.of("r1", "r2", "r3")) {
            runs.insertOne(new Document("_id", id).append("status", "running").append("activeTasks", 0)
                    .append("snapshot", large ? "x".repeat(JournaledCollection.PARTIAL_FROM_BYTES) : "")
                    .append("seq", 3L).append("createdAt", 5L).append("tags", new ArrayList<>(List.of("a")))
                    .append("log", new ArrayList<>(List.of("l1", "l2")))
                    .append("steps", List.of(new Document("status", "queued").append("deadline", 7L),
                            new Document("status", "running").append("tasks", List.of(
                                    new Document("status", "queued").append("attempts", new ArrayList<>()))))));
        }
        return runs;
    }

    private static String outcome(Runnable command) {
        try {
            command.run();
            return "done";
        } catch (MongoException refused) {
            return "refused " + refused.getCode();
        }
    }

    private static <T> T withOurServer(Path file, Function<MongoClient, T> commands) {
        int port = Ports.free().mongo();
        try (MongoServer server = new MongoServer(file, port)) {
            server.start();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                return commands.apply(client);
            }
        }
    }

    private static <T> T withLibraryServer(Function<MongoClient, T> commands) {
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(new MemoryBackend());
        int port = Ports.free().mongo();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            return commands.apply(client);
        } finally {
            server.shutdownNow();
        }
    }

    private static MongoCollection<Document> runs(MongoClient client) {
        return client.getDatabase("reconcraft").getCollection("runs");
    }
}
