package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A FieldIndex holds a document by its position under each of its keys, and the keys themselves only for documents
 * with several: what it answers must be what the documents it was given say, however they changed.
 */
class FieldIndexHoldingTest {

    private static final String FIELD = "status";
    /** Strings, numbers and times kept packed, and keys kept in the tree beside them: a long no double holds, a time
     * finer than a millisecond, a boolean. */
    private static final List<Object> VALUES = List.of("queued", "running", "succeeded", 1, 2.5, 7L, -3.5,
            (1L << 60) + 1, Instant.ofEpochMilli(1_765_000_000_000L), Instant.ofEpochMilli(1_765_000_000_001L),
            Instant.ofEpochSecond(1_765_000_000L, 1), true);
    private static final List<String> RANGES = List.of("$gt", "$gte", "$lt", "$lte");
    private static final Comparator<Object> KEYS = ValueComparator.asc();

    private final FieldIndex index = new FieldIndex(FIELD, List.of(new IndexKey(FIELD, true)), false);

    @Test
    void givenDocumentsSharingAKey_whenOneIsRemoved_thenTheKeyFindsTheOthersInPositionOrder() {
        index.add(document("running"), 7, null);
        index.add(document("running"), 3, null);
        index.add(document("running"), 500, null);

        index.remove(document("running"), 7);

        assertThat(index.getPositions(new Document(FIELD, "running"))).containsExactly(3, 500);
        assertThat(index.getCount()).isEqualTo(2);
    }

    @Test
    void givenADocumentWithOneKey_whenAnUpdateAddsASecondWithoutTakingOneOut_thenBothFindItAndItSortsByTheSmaller() {
        index.add(document("running"), 4, null);

        index.changeKeys(4, List.of(), List.of("queued"), () -> List.of("running"));

        assertThat(index.getPositions(new Document(FIELD, "running"))).containsExactly(4);
        assertThat(index.getPositions(new Document(FIELD, "queued"))).containsExactly(4);
        assertThat(groups(true)).containsExactly("queued=[4]", "running=[]");
        assertThat(groups(false)).containsExactly("running=[4]", "queued=[]");
    }

    @Test
    void givenADocumentHoldingAKeyTwice_whenOneOfThemIsTakenOut_thenTheKeyStillFindsIt() {
        index.add(document(List.of("running", "running", "queued")), 9, null);

        index.changeKeys(9, List.of("running"), List.of(), () -> List.of("running", "running", "queued"));

        assertThat(index.getPositions(new Document(FIELD, "running"))).containsExactly(9);
        index.changeKeys(9, List.of("running"), List.of(), () -> List.of("running", "queued"));
        assertThat(index.getPositions(new Document(FIELD, "running"))).isEmpty();
        assertThat(index.getPositions(new Document(FIELD, "queued"))).containsExactly(9);
    }

    @Test
    void givenAChangeThatNamesAKeyTheIndexDoesNotHold_whenApplied_thenTheDocumentEndsWithItsKeysAfterTheChange() {
        index.add(document("running"), 2, null);
        index.add(document("queued"), 5, null);

        // the caller's idea of the keys before is wrong: the index goes by the keys the document had
        index.changeKeys(2, List.of("queued"), List.of("succeeded"), () -> List.of("running"));

        assertThat(index.getPositions(new Document(FIELD, "queued"))).containsExactly(5);
        assertThat(index.getPositions(new Document(FIELD, "running"))).containsExactly(2);
        assertThat(index.getPositions(new Document(FIELD, "succeeded"))).containsExactly(2);
        assertThat(index.getCount()).isEqualTo(2);
    }

    @Test
    void givenRandomAddsRemovalsAndChanges_whenTheIndexIsAskedAfterEach_thenItAnswersWhatTheDocumentsSay() {
        Random random = new Random(20261207);
        Map<Integer, Document> stored = new HashMap<>();
        for (int step = 0; step < 4_000; step++) {
            int position = random.nextInt(60);
            Document now = stored.get(position);
            Document next = randomDocument(random);
            if (now == null) {
                index.add(next, position, null);
                stored.put(position, next);
            } else if (random.nextInt(4) == 0) {
                index.remove(now, position);
                stored.remove(position);
            } else if (random.nextBoolean()) {
                List<Object> before = index.valuesOf(now);
                List<Object> removed = new ArrayList<>(before);
                List<Object> added = new ArrayList<>();
                for (Object key : index.valuesOf(next)) {
                    if (!removed.remove(key)) {
                        added.add(key);
                    }
                }
                index.changeKeys(position, removed, added, () -> before);
                stored.put(position, next);
            } else {
                index.updateInPlace(now, next, position, null);
                stored.put(position, next);
            }
            assertAnswersAsStored(stored, "after step " + step);
            if (step % 10 == 0) {
                assertRangesAndWalksOnAsStored(stored, "after step " + step);
            }
        }
    }

    private void assertAnswersAsStored(Map<Integer, Document> stored, String when) {
        assertThat(index.getCount()).as(when).isEqualTo(stored.size());
        for (Object value : VALUES) {
            List<Integer> holding = stored.entrySet().stream()
                    .filter(entry -> index.valuesOf(entry.getValue()).stream().anyMatch(key -> KEYS.compare(key, value) == 0))
                    .map(Map.Entry::getKey).sorted().toList();
            assertThat(index.getPositions(new Document(FIELD, value))).as(when + ", " + value).containsExactlyElementsOf(holding);
            assertThat(index.count(value)).as(when + ", " + value).isEqualTo(holding.size());
        }
        for (boolean ascending : List.of(true, false)) {
            assertThat(walk(ascending)).as(when + (ascending ? ", ascending" : ", descending"))
                    .containsExactlyElementsOf(expectedWalk(stored, ascending, null));
        }
    }

    private void assertRangesAndWalksOnAsStored(Map<Integer, Document> stored, String when) {
        for (Object bound : VALUES) {
            Object key = FieldIndex.normalize(bound);
            for (String operator : RANGES) {
                Document query = new Document(FIELD, new Document(operator, bound));
                List<Integer> holding = stored.entrySet().stream()
                        .filter(entry -> index.valuesOf(entry.getValue()).stream().anyMatch(held -> inRange(held, operator, key)))
                        .map(Map.Entry::getKey).sorted().toList();
                assertThat(index.getPositions(query)).as(when + ", " + operator + " " + bound)
                        .containsExactlyInAnyOrderElementsOf(holding);
                assertThat(index.candidates(query, Integer.MAX_VALUE)).as(when + ", " + operator + " " + bound)
                        .isGreaterThanOrEqualTo(holding.size());
            }
            for (boolean ascending : List.of(true, false)) {
                List<Integer> after = index.groupsAfter(key, ascending, new Document())
                        .flatMap(group -> group.positions().stream()).toList();
                assertThat(after).as(when + ", after " + bound + (ascending ? " ascending" : " descending"))
                        .containsExactlyElementsOf(expectedWalk(stored, ascending, key));
            }
        }
    }

    private static boolean inRange(Object held, String operator, Object bound) {
        int order = KEYS.compare(held, bound);
        return switch (operator) {
            case "$gt" -> order > 0;
            case "$gte" -> order >= 0;
            case "$lt" -> order < 0;
            default -> order <= 0;
        };
    }

    /** Every position as a walk in key order reads them: each document once, at the key Mongo sorts it by. */
    private List<Integer> walk(boolean ascending) {
        List<Integer> positions = new ArrayList<>();
        index.positionsInOrder(ascending).forEach(positions::add);
        return positions;
    }

    /** The walk in key order, past the key {@code after} when there is one. */
    private List<Integer> expectedWalk(Map<Integer, Document> stored, boolean ascending, Object after) {
        TreeMap<Object, List<Integer>> byKey = new TreeMap<>(KEYS);
        List<Integer> without = new ArrayList<>();
        stored.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<Object> keys = index.valuesOf(entry.getValue());
            if (keys.isEmpty()) {
                without.add(entry.getKey());
            } else {
                Object sortKey = ascending ? Collections.min(keys, KEYS) : Collections.max(keys, KEYS);
                byKey.computeIfAbsent(sortKey, key -> new ArrayList<>()).add(entry.getKey());
            }
        });
        List<Integer> expected = new ArrayList<>();
        if (ascending) {
            if (after == null) {
                expected.addAll(without);
            }
            (after == null ? byKey : byKey.tailMap(after, false)).values().forEach(expected::addAll);
        } else {
            (after == null ? byKey : byKey.headMap(after, false)).descendingMap().values().forEach(expected::addAll);
            expected.addAll(without);
        }
        return expected;
    }

    private List<String> groups(boolean ascending) {
        return index.groupsAfter(null, ascending, new Document())
                .filter(group -> group.key() != FieldIndex.WITHOUT_VALUE)
                .map(group -> group.key() + "=" + group.positions()).collect(Collectors.toList());
    }

    private static Document randomDocument(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new Document();
            case 1, 2 -> document(VALUES.get(random.nextInt(VALUES.size())));
            default -> {
                List<Object> values = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    values.add(VALUES.get(random.nextInt(VALUES.size())));
                }
                yield document(values);
            }
        };
    }

    private static Document document(Object status) {
        return new Document("_id", "ignored").append(FIELD, status);
    }
}
