package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PackedKeyPositions answers for every key what a map keyed by the library's {@link KeyValue} answers — the same
 * keys equal, the same refused as taken — whatever kind of key, however often keys come and go.
 */
class PackedKeyPositionsTest {

    private final PackedKeyPositions positions = new PackedKeyPositions();

    @Test
    void givenKeysOfEachKindTheStackWrites_whenLookedUpByEqualKeysBuiltAnew_thenEachAnswersItsPosition() {
        ObjectId id = new ObjectId();
        positions.putIfAbsent(new KeyValue("6b169dbe9aa9dde93249f3d4"), 1);
        positions.putIfAbsent(new KeyValue("Zürich — 東京"), 2);
        positions.putIfAbsent(new KeyValue(42.0), 3);
        positions.putIfAbsent(new KeyValue(id), 4);
        positions.putIfAbsent(new KeyValue("run-1", 7.0), 5);

        assertThat(positions.get(new KeyValue(new String("6b169dbe9aa9dde93249f3d4")))).isEqualTo(1);
        assertThat(positions.get(new KeyValue("Zürich — 東京"))).isEqualTo(2);
        assertThat(positions.get(new KeyValue(Double.valueOf(42)))).isEqualTo(3);
        assertThat(positions.get(new KeyValue(new ObjectId(id.toByteArray())))).isEqualTo(4);
        assertThat(positions.get(new KeyValue("run-1", 7.0))).isEqualTo(5);
        assertThat(positions.size()).isEqualTo(5);
    }

    @Test
    void givenAKey_whenLookedUpByKeysThatOnlyLookAlike_thenNoneIsFound() {
        positions.putIfAbsent(new KeyValue("run-1", 7.0), 5);
        positions.putIfAbsent(new KeyValue("42"), 6);

        assertThat(positions.get(new KeyValue("run-1", 8.0))).isNull();
        assertThat(positions.get(new KeyValue("run-1"))).isNull();
        assertThat(positions.get(new KeyValue(7.0, "run-1"))).isNull();
        assertThat(positions.get(new KeyValue(42.0))).isNull();
        assertThat(positions.get(new KeyValue("42", 7.0))).isNull();
    }

    @Test
    void givenAKeyTaken_whenAddedAgain_thenItIsRefusedAndKeepsItsFirstPosition() {
        boolean first = positions.putIfAbsent(new KeyValue("audit", 1.0), 10);

        boolean second = positions.putIfAbsent(new KeyValue("audit", 1.0), 11);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(positions.get(new KeyValue("audit", 1.0))).isEqualTo(10);
        assertThat(positions.size()).isEqualTo(1);
    }

    @Test
    void givenKeysItDoesNotPack_whenStoredLookedUpAndRemoved_thenTheyBehaveAsTheOthers() {
        KeyValue nothing = new KeyValue((Object) null);
        KeyValue hugeLong = new KeyValue(Long.MAX_VALUE - 1);
        KeyValue three = new KeyValue("a", "b", "c");
        KeyValue date = new KeyValue(Instant.parse("2026-12-07T12:00:00Z"));

        positions.putIfAbsent(nothing, 1);
        positions.putIfAbsent(hugeLong, 2);
        positions.putIfAbsent(three, 3);
        positions.putIfAbsent(date, 4);

        assertThat(positions.putIfAbsent(new KeyValue((Object) null), 9)).isFalse();
        assertThat(positions.get(new KeyValue(Long.MAX_VALUE - 1))).isEqualTo(2);
        assertThat(positions.get(new KeyValue("a", "b", "c"))).isEqualTo(3);
        assertThat(positions.remove(new KeyValue(Instant.parse("2026-12-07T12:00:00Z")))).isEqualTo(4);
        assertThat(positions.size()).isEqualTo(3);
    }

    @Test
    void givenKeysOfEveryKind_whenListed_thenEachComesBackEqualWithItsPosition() {
        ObjectId id = new ObjectId();
        Map<KeyValue, Integer> expected = Map.of(
                new KeyValue("plain"), 1, new KeyValue("Zürich — 東京 \uD83D\uDE00"), 2, new KeyValue(-0.5), 3,
                new KeyValue(id), 4, new KeyValue("run", 3.0), 5, new KeyValue((Object) null), 6,
                new KeyValue("x".repeat(300)), 7);
        expected.forEach(positions::putIfAbsent);

        Map<KeyValue, Integer> listed = new HashMap<>();
        positions.entries().forEach(entry -> listed.put(entry.getKey(), entry.getValue()));

        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void givenManyRandomAddsAndRemovals_whenEachIsCheckedAgainstAHashMap_thenEveryAnswerIsTheSame() {
        Random random = new Random(7);
        Map<KeyValue, Integer> model = new HashMap<>();
        for (int step = 0; step < 300_000; step++) {
            KeyValue key = randomKey(random, 5_000);
            int operation = random.nextInt(3);
            if (operation == 0) {
                assertThat(positions.putIfAbsent(key, step)).isEqualTo(model.putIfAbsent(key, step) == null);
            } else if (operation == 1) {
                assertThat(positions.remove(key)).isEqualTo(model.remove(key));
            } else {
                assertThat(positions.get(key)).isEqualTo(model.get(key));
            }
            assertThat(positions.size()).isEqualTo(model.size());
        }
        Map<KeyValue, Integer> listed = new HashMap<>();
        positions.entries().forEach(entry -> listed.put(entry.getKey(), entry.getValue()));
        assertThat(listed).isEqualTo(model);
    }

    @Test
    void givenKeysAddedAndRemovedOverAndOver_whenFewAreLeft_thenTheirBytesAreNotKeptGrowing() {
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 1_000; i++) {
                positions.putIfAbsent(new KeyValue("run-" + round + "-" + i, (double) i), i);
            }
            for (int i = 0; i < 1_000; i++) {
                positions.remove(new KeyValue("run-" + round + "-" + i, (double) i));
            }
        }
        positions.putIfAbsent(new KeyValue("the last one"), 1);

        assertThat(positions.size()).isEqualTo(1);
        assertThat(positions.get(new KeyValue("the last one"))).isEqualTo(1);
        // 1,000 live keys of ~25 bytes at most at a time; without compaction the array would hold all 200,000
        assertThat(positions.keyArrayLength()).isLessThan(1 << 20);
    }

    private static KeyValue randomKey(Random random, int distinct) {
        int n = random.nextInt(distinct);
        return switch (n % 5) {
            case 0 -> new KeyValue("id-" + n);
            case 1 -> new KeyValue((double) n);
            case 2 -> new KeyValue("run-" + n / 50, (double) (n % 50));
            case 3 -> new KeyValue("ключ-" + n);
            default -> n % 10 == 4 ? new KeyValue((Object) null) : new KeyValue(new ObjectId(idBytes(n)));
        };
    }

    private static byte[] idBytes(int n) {
        byte[] bytes = new byte[12];
        for (int i = 0; i < 4; i++) {
            bytes[8 + i] = (byte) (n >>> (24 - 8 * i));
        }
        return bytes;
    }
}
