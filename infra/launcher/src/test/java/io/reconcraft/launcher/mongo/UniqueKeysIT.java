package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.reconcraft.launcher.stack.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique keys taken the short way (one top-level string field, {@link KeyedUniqueIndex}) behave as the library's
 * own: duplicates refused with MongoDB's error, and every lookup, update and removal, which find keys the library's
 * way, finds them.
 */
class UniqueKeysIT {

    @TempDir
    Path home;

    @Test
    void givenAStringId_whenInsertedTwice_thenTheSecondIsRefusedWithMongosDuplicateKeyError() {
        withCollection(runs -> {
            runs.insertOne(new Document("_id", "r1"));

            assertThatThrownBy(() -> runs.insertOne(new Document("_id", "r1").append("other", true)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(11000);
                        assertThat(e.getMessage()).contains("_id_").contains("r1");
                    });
            assertThat(runs.countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void givenAnOrderedBatchWithADuplicateInTheMiddle_whenInserted_thenTheRecordsBeforeItAreStoredAndNoneAfter() {
        withCollection(runs -> {
            runs.insertOne(new Document("_id", "r2"));

            assertThatThrownBy(() -> runs.insertMany(List.of(new Document("_id", "r1"), new Document("_id", "r2"),
                    new Document("_id", "r3")))).isInstanceOfSatisfying(MongoBulkWriteException.class,
                    e -> assertThat(e.getWriteErrors()).singleElement().satisfies(error -> {
                        assertThat(error.getIndex()).isEqualTo(1);
                        assertThat(error.getCode()).isEqualTo(11000);
                    }));
            assertThat(ids(runs)).containsExactlyInAnyOrder("r1", "r2");
        });
    }

    @Test
    void givenNumbersAsIds_whenOneAndOnePointZeroAreInserted_thenTheSecondIsRefusedAsTheSameKey() {
        withCollection(runs -> {
            runs.insertOne(new Document("_id", 1));

            assertThatThrownBy(() -> runs.insertOne(new Document("_id", 1.0))).isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void givenNumericIds_whenFoundByAnyNumberOfTheSameValueUpdatedAndDeleted_thenEachActsOnThatDocument() {
        withCollection(runs -> {
            runs.insertMany(List.of(new Document("_id", 7L).append("n", 1), new Document("_id", 8).append("n", 2)));

            runs.updateOne(Filters.eq("_id", 7.0), Updates.set("n", 10));
            runs.deleteOne(Filters.eq("_id", 8L));

            assertThat(runs.find(Filters.eq("_id", 7)).first()).containsEntry("n", 10);
            assertThat(runs.countDocuments()).isEqualTo(1);
            runs.insertOne(new Document("_id", 8.0));
        });
    }

    @Test
    void givenObjectIds_whenInsertedTwiceFoundAndDeleted_thenTheyBehaveAsAnyOtherKey() {
        withCollection(runs -> {
            ObjectId id = new ObjectId();
            runs.insertOne(new Document("_id", id).append("n", 1));

            assertThatThrownBy(() -> runs.insertOne(new Document("_id", id)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(runs.find(Filters.eq("_id", id)).first()).containsEntry("n", 1);
            runs.deleteOne(Filters.eq("_id", id));
            runs.insertOne(new Document("_id", id).append("n", 2));
            assertThat(runs.find(Filters.eq("_id", id)).first()).containsEntry("n", 2);
        });
    }

    @Test
    void givenACompoundUniqueKeyLikeTheSseJournals_whenRecordsAreAdded_thenOnlyTheSameRunAndNumberClash() {
        withCollection(journal -> {
            journal.createIndex(Indexes.ascending("runId", "seq"), new IndexOptions().unique(true));
            journal.insertMany(List.of(new Document("_id", "r1:1").append("runId", "r1").append("seq", 1L),
                    new Document("_id", "r1:2").append("runId", "r1").append("seq", 2L),
                    new Document("_id", "r2:1").append("runId", "r2").append("seq", 1L)));

            assertThatThrownBy(() -> journal.insertOne(new Document("_id", "again").append("runId", "r1")
                    .append("seq", 2))).isInstanceOfSatisfying(MongoWriteException.class,
                    e -> assertThat(e.getCode()).isEqualTo(11000));
            journal.deleteOne(Filters.eq("_id", "r1:2"));
            journal.insertOne(new Document("_id", "r1:2 again").append("runId", "r1").append("seq", 2L));

            assertThat(journal.find(Filters.and(Filters.eq("runId", "r1"), Filters.gt("seq", 1L)))
                    .into(new ArrayList<>())).extracting(document -> document.getString("_id"))
                    .containsExactly("r1:2 again");
        });
    }

    @Test
    void givenAUniqueSparseNumberLikeTheAuditChainsSequence_whenRecordsAreAdded_thenDuplicatesAreRefusedAndOthersKept() {
        withCollection(chain -> {
            chain.createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true).sparse(true));
            chain.insertMany(List.of(new Document("_id", "e1").append("sequence", 1L),
                    new Document("_id", "e2").append("sequence", 2L), new Document("_id", "anchor")));

            assertThatThrownBy(() -> chain.insertOne(new Document("_id", "e3").append("sequence", 2L)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            chain.insertOne(new Document("_id", "other-anchor"));

            assertThat(chain.find(Filters.gt("sequence", 1L)).into(new ArrayList<>()))
                    .extracting(document -> document.getString("_id")).containsExactly("e2");
            assertThat(chain.find(Filters.eq("sequence", 1)).first()).containsEntry("_id", "e1");
        });
    }

    @Test
    void givenStringIds_whenFoundUpdatedAndDeletedById_thenEachActsOnThatDocumentAndADeletedIdIsFreeAgain() {
        withCollection(runs -> {
            runs.insertMany(List.of(new Document("_id", "a").append("n", 1), new Document("_id", "b").append("n", 2),
                    new Document("_id", "c").append("n", 3)));

            runs.updateOne(Filters.eq("_id", "b"), Updates.set("n", 20));
            runs.deleteOne(Filters.eq("_id", "c"));

            assertThat(runs.find(Filters.eq("_id", "b")).first()).containsEntry("n", 20);
            assertThat(runs.find(Filters.in("_id", "a", "c")).into(new ArrayList<>()))
                    .extracting(document -> document.getString("_id")).containsExactly("a");
            runs.insertOne(new Document("_id", "c").append("n", 30));
            assertThat(runs.find(Filters.eq("_id", "c")).first()).containsEntry("n", 30);
        });
    }

    @Test
    void givenAUniqueStringField_whenAValueMovesToAnotherDocument_thenTheOldValueIsFreeAndTheNewOneTaken() {
        withCollection(targets -> {
            targets.createIndex(Indexes.ascending("value"), new IndexOptions().unique(true));
            targets.insertOne(new Document("_id", "t1").append("value", "127.0.0.1"));

            targets.updateOne(Filters.eq("_id", "t1"), Updates.set("value", "127.0.0.2"));

            targets.insertOne(new Document("_id", "t2").append("value", "127.0.0.1"));
            assertThatThrownBy(() -> targets.insertOne(new Document("_id", "t3").append("value", "127.0.0.2")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            assertThat(targets.find(Filters.eq("value", "127.0.0.1")).first()).containsEntry("_id", "t2");
        });
    }

    @Test
    void givenAUniqueFieldThatIsNotSparse_whenTwoDocumentsLackIt_thenTheSecondIsRefusedAsTheSameNullKey() {
        withCollection(keys -> {
            keys.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            keys.insertOne(new Document("_id", "k1"));

            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "k2")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            keys.updateOne(Filters.eq("_id", "k1"), Updates.set("name", "first"));
            keys.insertOne(new Document("_id", "k2"));
            assertThat(ids(keys)).containsExactlyInAnyOrder("k1", "k2");
        });
    }

    private void withCollection(Consumer<MongoCollection<Document>> action) {
        int port = Ports.free().mongo();
        try (MongoServer server = new MongoServer(home.resolve("mongo/reconcraft.mv"), port)) {
            server.start();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                action.accept(client.getDatabase("reconcraft").getCollection("things"));
            }
        }
    }

    private static List<String> ids(MongoCollection<Document> collection) {
        return collection.find().map(document -> document.getString("_id")).into(new ArrayList<>());
    }
}
