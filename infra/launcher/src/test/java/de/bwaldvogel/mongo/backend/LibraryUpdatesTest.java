package de.bwaldvogel.mongo.backend;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The store's check of an update's paths refuses what the library's refuses, and nothing else. */
class LibraryUpdatesTest {

    private static final List<String> SEGMENTS = List.of("a", "b", "ab", "0", "1", "a-b");
    private static final List<String> OPERATORS = List.of("$set", "$unset", "$inc");

    @Test
    void givenUpdatesOfPathsWithinAndBesideEachOther_whenChecked_thenTheyConflictExactlyWhenTheLibrarySaysSo() {
        Random random = new Random(9);
        int conflicting = 0;
        for (int i = 0; i < 5_000; i++) {
            Document update = randomUpdate(random);

            boolean libraryRefuses = refusedByLibrary(update);

            assertThat(LibraryUpdates.mayConflict(update)).as(update.toString()).isEqualTo(libraryRefuses);
            conflicting += libraryRefuses ? 1 : 0;
        }
        assertThat(conflicting).isBetween(500, 4_500);
    }

    @Test
    void givenPathsWithEmptySegments_whenChecked_thenTheLibraryIsLeftToJudge() {
        assertThat(LibraryUpdates.mayConflict(new Document("$set", new Document("a..b", 1)))).isTrue();
        assertThat(LibraryUpdates.mayConflict(new Document("$set", new Document("a.", 1)))).isTrue();
    }

    private static Document randomUpdate(Random random) {
        Document update = new Document();
        int paths = 1 + random.nextInt(4);
        for (int p = 0; p < paths; p++) {
            StringBuilder path = new StringBuilder(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
            for (int depth = random.nextInt(3); depth > 0; depth--) {
                path.append('.').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
            }
            String operator = OPERATORS.get(random.nextInt(OPERATORS.size()));
            ((Document) update.computeIfAbsent(operator, o -> new Document())).put(path.toString(), 1);
        }
        return update;
    }

    /** Whether the library refuses the update's paths as conflicting (or otherwise). */
    static boolean refusedByLibrary(Document update) {
        try {
            AbstractMongoCollection.validateUpdateQuery(update);
            return false;
        } catch (RuntimeException refused) {
            return true;
        }
    }
}
