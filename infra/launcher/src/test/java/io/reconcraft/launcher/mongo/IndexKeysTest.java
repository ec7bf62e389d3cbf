package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges over keys of several kinds, packed and not, as a FieldIndex's queries ask for them. */
class IndexKeysTest {

    private static final String FIELD = "at";
    private static final Instant T = Instant.ofEpochMilli(1_765_000_000_000L);

    private final FieldIndex index = new FieldIndex(FIELD, List.of(new IndexKey(FIELD, true)), false);

    @Test
    void givenTwoLowerBoundsOnTheSameKey_whenOneExcludesIt_thenTheKeyIsOutWhicheverComesFirst() {
        add(1, 5.0);
        add(2, 6.0);
        add(3, 4.0);

        assertThat(positions(new Document("$gte", 5).append("$gt", 5))).containsExactly(2);
        assertThat(positions(new Document("$gt", 5).append("$gte", 5))).containsExactly(2);
        assertThat(positions(new Document("$lte", 5).append("$lt", 5))).containsExactly(3);
        assertThat(positions(new Document("$gt", 6).append("$lt", 4))).isEmpty();
    }

    @Test
    void givenTimesToTheMillisecondAndFiner_whenARangeIsBoundedByAFinerTime_thenItCutsBetweenThem() {
        add(1, T);
        add(2, T.plusNanos(500_000));
        add(3, T.plusMillis(1));

        assertThat(positions(new Document("$gt", T.plusNanos(1)))).containsExactlyInAnyOrder(2, 3);
        assertThat(positions(new Document("$lt", T.plusNanos(999_999)))).containsExactlyInAnyOrder(1, 2);
        assertThat(positions(new Document("$gte", T).append("$lte", T))).containsExactly(1);
    }

    @Test
    void givenKeysOfSeveralKinds_whenWalkedInOrder_thenNumbersComeBeforeStringsAndStringsBeforeTimes() {
        add(1, T);
        add(2, "b");
        add(3, 2.5);
        add(4, (1L << 60) + 1);
        add(5, -1.0);

        assertThat(walk(true)).containsExactly(5, 3, 4, 2, 1);
        assertThat(walk(false)).containsExactly(1, 2, 4, 3, 5);
        assertThat(positions(new Document("$gt", 0).append("$lt", "c"))).containsExactly(3, 4, 2);
        assertThat(positions(new Document("$gt", 1L << 60))).containsExactly(4, 2, 1);
    }

    private void add(int position, Object value) {
        index.add(new Document(FIELD, value), position, null);
    }

    private List<Integer> positions(Document condition) {
        return List.copyOf((java.util.Collection<Integer>) index.getPositions(new Document(FIELD, condition)));
    }

    private List<Integer> walk(boolean ascending) {
        List<Integer> positions = new java.util.ArrayList<>();
        index.positionsInOrder(ascending).forEach(positions::add);
        return positions;
    }
}
