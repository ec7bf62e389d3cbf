package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.LibraryUpdates;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A document decoded along the paths an update names is, for that update, the whole document (PartialBson). */
class PartialBsonTest {

    private final ByteBuf scratch = Unpooled.buffer(64);

    private static Document run() {
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            steps.add(new Document("nodeId", "scan" + i).append("status", "queued")
                    .append("dueAt", Instant.parse("2026-12-06T10:00:00Z").plusSeconds(i))
                    .append("tasks", List.of(new Document("status", "queued").append("attempt", 1))));
        }
        return new Document("_id", "r1").append("status", "running").append("activeTasks", 2)
                .append("uuid", java.util.UUID.randomUUID()).append("decimal", de.bwaldvogel.mongo.bson.Decimal128.TWO)
                .append("regex", new de.bwaldvogel.mongo.bson.BsonRegularExpression("a.*b", "i"))
                .append("null", null).append("steps", steps).append("tags", List.of("a", "b"));
    }

    @Test
    void givenAStoredDocument_whenDecodedAlongAnUpdatesPathsAndEncodedUnchanged_thenItsBytesAreTheStoredOnes() {
        byte[] stored = StoredBson.encode(run(), scratch);

        Document partial = PartialBson.decodeFor(stored, new Document("_id", "r1").append("steps.2.status", "queued"),
                new Document("$set", new Document("steps.2.tasks.0.status", "running")));

        assertThat(PartialBson.encode(partial, scratch)).isEqualTo(stored);
    }

    @Test
    void givenAPathThroughAnArrayByIndex_whenDecoded_thenOnlyThatElementIsDecodedAndTheOthersStayRaw() {
        byte[] stored = StoredBson.encode(run(), scratch);

        Document partial = PartialBson.decodeFor(stored, new Document("_id", "r1"),
                new Document("$set", new Document("steps.2.status", "running")));

        List<?> steps = (List<?>) partial.get("steps");
        assertThat(steps).hasSize(4);
        assertThat(steps.get(2)).isInstanceOf(Document.class);
        assertThat(((Document) steps.get(2)).get("status")).isEqualTo("queued");
        assertThat(((Document) steps.get(2)).get("tasks")).isInstanceOf(RawValue.class);
        assertThat(steps.get(0)).isInstanceOf(RawValue.class);
        assertThat(partial.get("status")).isInstanceOf(RawValue.class);
        assertThat(partial.get("_id")).isEqualTo("r1");
    }

    @Test
    void givenAPathThroughAnArrayByFieldName_whenDecoded_thenTheArrayIsDecodedWhole() {
        byte[] stored = StoredBson.encode(run(), scratch);

        Document partial = PartialBson.decodeFor(stored, new Document("steps.status", "queued"),
                new Document("$inc", new Document("activeTasks", 1)));

        assertThat(partial.get("steps")).isEqualTo(run().get("steps"));
        assertThat(PartialBson.holdsRaw(partial.get("steps"))).isFalse();
        assertThat(partial.get("activeTasks")).isEqualTo(2);
    }

    @Test
    void givenUpdatesOfEveryOperatorAppliedToTheDecodedPaths_whenEncoded_thenTheBytesAreTheWholeDocumentsUpdated() {
        List<Document> updates = List.of(
                new Document("$set", new Document("steps.1.status", "running").append("steps.1.deadline", 5L)),
                new Document("$unset", new Document("steps.3.dueAt", "").append("null", "")),
                new Document("$inc", new Document("steps.0.tasks.0.attempt", 1).append("activeTasks", -1)),
                new Document("$push", new Document("steps.2.tasks", new Document("status", "queued"))),
                new Document("$set", new Document("steps.6.status", "padded").append("fresh.nested", true)),
                new Document("$addToSet", new Document("tags", "c")).append("$max", new Document("activeTasks", 9)));
        for (Document update : updates) {
            byte[] stored = StoredBson.encode(run(), scratch);
            Document whole = StoredBson.decode(stored);
            Document partial = PartialBson.decodeFor(stored, new Document("_id", "r1"), update);

            LibraryUpdates.apply(whole, update, "_id");
            LibraryUpdates.apply(partial, update, "_id");

            assertThat(PartialBson.encode(partial, scratch)).as(update.toString())
                    .isEqualTo(StoredBson.encode(whole, scratch));
        }
    }

    @Test
    void givenConditionsInAndOrNor_whenDecoded_thenTheirPathsAreDecodedAndOtherOperatorsAreNotTakenOn() {
        byte[] stored = StoredBson.encode(run(), scratch);
        Document update = new Document("$set", new Document("status", "failed"));

        Document partial = PartialBson.decodeFor(stored, new Document("$or", List.of(
                new Document("steps.1.status", "queued"), new Document("$and", List.of(new Document("tags", "a"))))),
                update);

        assertThat(((Document) ((List<?>) partial.get("steps")).get(1)).get("status")).isEqualTo("queued");
        assertThat(partial.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(PartialBson.decodeFor(stored, new Document("$expr", new Document("$eq", List.of(1, 1))), update))
                .isNull();
        assertThat(PartialBson.decodeFor(stored, new Document("_id", "r1"), new Document("status", "replaced")))
                .isNull();
    }

    @Test
    void givenProjections_whenAskedWhetherTheyReadRawValues_thenOnlyInclusionsOfDecodedFieldsDoNot() {
        byte[] stored = StoredBson.encode(run(), scratch);
        Document partial = PartialBson.decodeFor(stored, new Document("_id", "r1"),
                new Document("$inc", new Document("activeTasks", 1)).append("$set", new Document("steps.1.status", "x")));

        assertThat(PartialBson.readsRaw(partial, new Document("activeTasks", 1))).isFalse();
        assertThat(PartialBson.readsRaw(partial, new Document("activeTasks", true).append("_id", 0))).isFalse();
        assertThat(PartialBson.readsRaw(partial, new Document("steps.status", 1))).isTrue();
        assertThat(PartialBson.readsRaw(partial, new Document("status", 1))).isTrue();
        assertThat(PartialBson.readsRaw(partial, new Document("activeTasks", 0))).isTrue();
        assertThat(PartialBson.readsRaw(partial, null)).isTrue();
    }

    @Test
    void givenAnIndexWrittenWithALeadingZero_whenDecoded_thenTheArrayIsDecodedWhole() {
        byte[] stored = StoredBson.encode(run(), scratch);

        Document partial = PartialBson.decodeFor(stored, new Document("steps.01.status", "queued"),
                new Document("$set", new Document("status", "failed")));

        assertThat(PartialBson.holdsRaw(partial.get("steps"))).isFalse();
    }

    @Test
    void givenARawValue_whenDecodedAlongAnIndexPath_thenOnlyThatPathsFieldsAreKeptThroughArrays() {
        byte[] stored = StoredBson.encode(run(), scratch);
        Document partial = PartialBson.decodeFor(stored, new Document("_id", "r1"),
                new Document("$set", new Document("status", "x")));

        Object along = ((RawValue) partial.get("steps")).decodedAlong(new String[] {"steps", "tasks", "status"}, 1);

        assertThat(along).isEqualTo(List.of(
                new Document("tasks", List.of(new Document("status", "queued"))),
                new Document("tasks", List.of(new Document("status", "queued"))),
                new Document("tasks", List.of(new Document("status", "queued"))),
                new Document("tasks", List.of(new Document("status", "queued")))));
    }
}
