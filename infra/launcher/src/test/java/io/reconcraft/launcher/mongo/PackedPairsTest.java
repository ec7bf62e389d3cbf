package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Packed pairs answer what a sorted map of keys to position sets would, across the chunks they are split into.
 */
class PackedPairsTest {

    private final PackedPairs pairs = new PackedPairs();
    private final NavigableMap<Long, TreeSet<Integer>> expected = new TreeMap<>();

    @Test
    void givenKeysThatGrowWithTime_whenAppended_thenChunksFilledInOrderStayFull() {
        for (int i = 0; i < 10 * PackedPairs.CHUNK; i++) {
            pairs.add(1_765_000_000_000L + i, i);
        }

        assertThat(pairs.chunks()).isEqualTo(10);
        assertThat(pairs.size()).isEqualTo(10 * PackedPairs.CHUNK);
        assertThat(pairs.countBetween(1_765_000_000_000L + 100, 1_765_000_000_000L + 3_000, Integer.MAX_VALUE))
                .isEqualTo(2_901);
    }

    @Test
    void givenAPairHeldAlready_whenAddedAgain_thenItIsHeldOnce() {
        assertThat(pairs.add(5, 1)).isTrue();

        assertThat(pairs.add(5, 1)).isFalse();
        assertThat(pairs.count(5)).isEqualTo(1);
        assertThat(pairs.remove(5, 2)).isFalse();
        assertThat(pairs.remove(5, 1)).isTrue();
        assertThat(pairs.isEmpty()).isTrue();
        assertThat(pairs.chunks()).isZero();
    }

    @Test
    void givenRandomAddsAndRemovalsOverManyChunks_whenAsked_thenItAnswersAsASortedMapWould() {
        Random random = new Random(20261207);
        for (int step = 0; step < 60_000; step++) {
            long key = random.nextInt(3_000) - 1_500L;
            int position = random.nextInt(40);
            int action = random.nextInt(1_000);
            if (action < 650) {
                assertThat(pairs.add(key, position)).isEqualTo(expected.computeIfAbsent(key, k -> new TreeSet<>()).add(position));
            } else if (action < 998) {
                TreeSet<Integer> held = expected.get(key);
                assertThat(pairs.remove(key, position)).isEqualTo(held != null && held.remove(position));
            } else {
                boolean held = expected.values().stream().anyMatch(positions -> positions.contains(position));
                expected.values().forEach(positions -> positions.remove(position));
                assertThat(pairs.removeEverywhere(position)).isEqualTo(held);
            }
            expected.values().removeIf(TreeSet::isEmpty);
            if (step % 500 == 0) {
                assertAnswersAsExpected(random, "after step " + step);
            }
        }
        assertThat(pairs.chunks()).isGreaterThan(10);
        assertAnswersAsExpected(random, "at the end");
    }

    private void assertAnswersAsExpected(Random random, String when) {
        assertThat(pairs.size()).as(when).isEqualTo(expected.values().stream().mapToInt(TreeSet::size).sum());
        for (int probe = 0; probe < 20; probe++) {
            long key = random.nextInt(3_200) - 1_600L;
            TreeSet<Integer> held = expected.getOrDefault(key, new TreeSet<>());
            List<Integer> found = new ArrayList<>();
            pairs.addPositions(key, found);
            assertThat(found).as(when + ", key " + key).containsExactlyElementsOf(held);
            assertThat(pairs.count(key)).as(when + ", key " + key).isEqualTo(held.size());
            assertThat(pairs.contains(key, probe)).as(when).isEqualTo(held.contains(probe));

            long low = random.nextInt(3_200) - 1_600L;
            long high = low + random.nextInt(400) - 20;
            NavigableMap<Long, TreeSet<Integer>> range = low <= high ? expected.subMap(low, true, high, true)
                    : new TreeMap<>();
            assertThat(pairs.countBetween(low, high, Integer.MAX_VALUE)).as(when + ", " + low + ".." + high)
                    .isEqualTo(range.values().stream().mapToInt(TreeSet::size).sum());
            assertThat(pairs.countBetween(low, high, 7)).as(when)
                    .isEqualTo(Math.min(7, range.values().stream().mapToInt(TreeSet::size).sum()));
            assertThat(groups(pairs.groups(low, high, true))).as(when + ", ascending " + low + ".." + high)
                    .containsExactlyElementsOf(listed(range));
            assertThat(groups(pairs.groups(low, high, false))).as(when + ", descending " + low + ".." + high)
                    .containsExactlyElementsOf(listed(range.descendingMap()));
        }
        assertThat(groups(pairs.groups(Long.MIN_VALUE, Long.MAX_VALUE, false))).as(when)
                .containsExactlyElementsOf(listed(expected.descendingMap()));
    }

    private static List<String> groups(Iterator<PackedPairs.Group> groups) {
        List<String> listed = new ArrayList<>();
        groups.forEachRemaining(group -> listed.add(group.key() + "=" + group.positions()));
        return listed;
    }

    private static List<String> listed(Map<Long, TreeSet<Integer>> range) {
        return range.entrySet().stream().map(entry -> entry.getKey() + "=" + List.copyOf(entry.getValue())).toList();
    }
}
