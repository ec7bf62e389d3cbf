package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A FieldIndex reads the values at its path as the library's own lookup does, without splitting the path each time. */
class FieldIndexTest {

    private static final List<String> PATHS = List.of("steps.tasks.deadline", "steps.dueAt", "steps.tasks", "a.b.c",
            "a.0.b", "status");

    @Test
    void givenDocumentsOfEveryShapeAPathMeets_whenTheIndexReadsItsPath_thenItFindsWhatTheLibrarysLookupFinds() {
        for (Document document : documents()) {
            for (String path : PATHS) {
                FieldIndex index = new FieldIndex(path, List.of(new IndexKey(path, true)), false);

                Object ours = index.valueAt(document, 0);

                assertThat(String.valueOf(ours)).as(path + " in " + document)
                        .isEqualTo(String.valueOf(Utils.getSubdocumentValueCollectionAware(document, path)));
            }
        }
    }

    @Test
    void givenDocumentsTheStoreLeftRaw_whenTheIndexReadsItsPath_thenItFindsWhatItFindsInTheWholeDocument() {
        io.netty.buffer.ByteBuf scratch = io.netty.buffer.Unpooled.buffer();
        for (Document document : documents()) {
            byte[] stored = StoredBson.encode(new Document("_id", 1).append("held", document), scratch);
            Document partial = PartialBson.decodeFor(stored, new Document("_id", 1),
                    new Document("$set", new Document("other", 1)));
            Document whole = StoredBson.decode(stored);
            for (String path : PATHS) {
                FieldIndex index = new FieldIndex(path, List.of(new IndexKey("held." + path, true)), false);

                Object ours = index.valueAt(partial, 0);

                assertThat(partial.get("held")).isInstanceOf(RawValue.class);
                assertThat(String.valueOf(ours)).as(path + " in " + document)
                        .isEqualTo(String.valueOf(index.valueAt(whole, 0)));
            }
        }
    }

    private static List<Document> documents() {
        return List.of(
                new Document("status", "running").append("steps", List.of(
                        new Document("dueAt", 5L).append("tasks", List.of(new Document("deadline", 7L),
                                new Document("status", "queued"), new Document("deadline", null))),
                        new Document("tasks", List.of()),
                        new Document("tasks", new Document("deadline", 9L)),
                        "not a document",
                        new Document("dueAt", List.of(1L, 2L)).append("tasks", List.of(List.of(1), "x")))),
                new Document("steps", new Document("dueAt", 3L).append("tasks", new Document("deadline", 4L))),
                new Document("steps", "scalar").append("a", new Document("0", new Document("b", "by key"))),
                new Document("a", List.of(new Document("b", new Document("c", 1)), new Document("b", List.of(
                        new Document("c", 2), new Document("d", 3))))),
                new Document("a", new Document("b", null)),
                new Document("steps", new ArrayList<>(Arrays.asList(null, new Document("dueAt", 8L)))),
                new Document());
    }
}
