package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A DocumentArena answers for each position the bytes last stored there, however often documents were rewritten,
 * removed and moved by compaction, and holds no more memory than about twice the live bytes.
 */
class DocumentArenaTest {

    /** Chunks of 256 bytes to 4 KB: a few documents fill one, so the tests compact many. */
    private final DocumentArena arena = new DocumentArena(256, 4096);

    @Test
    void givenDocumentsAdded_whenRead_thenEachPositionAnswersACopyOfItsBytes() {
        int first = arena.add(bytes("first"));
        int second = arena.add(bytes("second"));

        byte[] read = arena.get(first);
        read[0] = 'X';

        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
        assertThat(arena.get(first)).isEqualTo(bytes("first"));
        assertThat(arena.get(second)).isEqualTo(bytes("second"));
        assertThat(arena.liveBytes()).isEqualTo(11);
    }

    @Test
    void givenDirectMemoryNearlyFull_whenADocumentNeedsANewChunk_thenItIsToldAndTheDocumentStored() {
        List<String> warnings = new ArrayList<>();
        DirectMemory nearlyFull = new DirectMemory(ByteBuffer::allocateDirect, () -> 80, () -> 100, warnings::add);
        DocumentArena arena = new DocumentArena(256, 256, nearlyFull);

        int position = arena.add(sized(200, 1));

        assertThat(warnings).singleElement().asString().contains("(80 %)");
        assertThat(arena.get(position)).isEqualTo(sized(200, 1));
    }

    @Test
    void givenDirectMemoryFull_whenADocumentNeedsANewChunk_thenTheWriteFailsAsMongoDbsExceededMemoryLimitAndNothingChanges() {
        DirectMemory full = new DirectMemory(capacity -> {
            throw new OutOfMemoryError("Cannot reserve " + capacity + " bytes of direct buffer memory");
        }, () -> 100, () -> 100, warning -> { });
        DocumentArena arena = new DocumentArena(256, 256, full);

        assertThatThrownBy(() -> arena.add(sized(200, 1)))
                .isInstanceOfSatisfying(MongoServerError.class, error -> assertThat(error.getCode()).isEqualTo(146))
                .hasMessageContaining("direct memory is full");
        assertThat(arena.size()).isZero();
        assertThat(arena.liveBytes()).isZero();
    }

    @Test
    void givenDirectMemoryFullNowAndThen_whenChangedAtRandom_thenEveryChangeHappensWholeOrNotAtAll() {
        Random chance = new Random(7);
        DirectMemory sometimesFull = new DirectMemory(capacity -> {
            if (chance.nextInt(3) == 0) {
                throw new OutOfMemoryError("Cannot reserve " + capacity + " bytes of direct buffer memory");
            }
            return ByteBuffer.allocateDirect(capacity);
        }, () -> 0, () -> 100, warning -> { });

        changeAtRandom(new DocumentArena(256, 256, sometimesFull), 120, 400, 12);
    }

    @Test
    void givenAPositionRemoved_whenRead_thenItIsEmptyAndItsRemovalAnsweredItsBytes() {
        int position = arena.add(bytes("gone"));

        byte[] removed = arena.remove(position);

        assertThat(removed).isEqualTo(bytes("gone"));
        assertThat(arena.get(position)).isNull();
        assertThat(arena.isStored(position)).isFalse();
        assertThat(arena.size()).isEqualTo(1);
        assertThat(arena.liveBytes()).isZero();
    }

    @Test
    void givenOneDocumentRewrittenManyTimes_whenTheChunksFill_thenTheGarbageIsLetGo() {
        int position = arena.add(sized(100, 0));

        for (int version = 1; version <= 10_000; version++) {
            arena.put(position, sized(100, version));
        }

        assertThat(arena.get(position)).isEqualTo(sized(100, 10_000));
        assertThat(arena.chunkBytes()).isLessThanOrEqualTo(2 * 4096);
    }

    @Test
    void givenARewriteWhoseOldChunkIsCompactedIntoAFullChunk_whenTheFullChunkIsCompactedToo_thenTheRewriteMovesWithIt() {
        DocumentArena arena = new DocumentArena(256, 256);
        int a = arena.add(sized(100, 1));
        int b = arena.add(sized(20, 2));
        int f = arena.add(sized(140, 3)); // does not fit beside a and b: the second chunk
        arena.put(f, sized(100, 4)); // the second chunk, still being filled, now holds 140 bytes of garbage

        // written to the second chunk; letting a's old bytes go compacts the first chunk, whose b then fills the
        // second, which is left mostly garbage and compacted in turn
        arena.put(a, sized(10, 5));

        assertThat(arena.get(a)).isEqualTo(sized(10, 5));
        assertThat(arena.get(b)).isEqualTo(sized(20, 2));
        assertThat(arena.get(f)).isEqualTo(sized(100, 4));
        assertThat(arena.liveBytes()).isEqualTo(130);
    }

    @Test
    void givenADocumentLargerThanTheLargestChunk_whenStored_thenItIsReadBackWhole() {
        int small = arena.add(bytes("small"));
        int large = arena.add(sized(10_000, 7));

        assertThat(arena.get(large)).isEqualTo(sized(10_000, 7));
        assertThat(arena.get(small)).isEqualTo(bytes("small"));
    }

    @Test
    void givenRandomAddsRewritesAndRemovals_whenEveryPositionIsRead_thenItHoldsWhatAListGivenTheSameChangesHolds() {
        changeAtRandom(arena, 300, 6000, Integer.MAX_VALUE);
    }

    @Test
    void givenRandomChangesToAFewDocumentsInChunksOfAFew_whenEveryPositionIsRead_thenItHoldsWhatAListGivenTheSameChangesHolds() {
        changeAtRandom(new DocumentArena(256, 256), 120, 400, 12);
    }

    /**
     * Random adds (up to {@code positions}), rewrites and removals, each also made to a list; the arena checked against
     * the list as it goes.
     */
    private static void changeAtRandom(DocumentArena arena, int usualSize, int largeSize, int positions) {
        Random random = new Random(42);
        List<byte[]> expected = new ArrayList<>();
        for (int change = 0; change < 40_000; change++) {
            int kind = random.nextInt(10);
            byte[] document = sized(1 + random.nextInt(random.nextInt(50) == 0 ? largeSize : usualSize), change);
            try {
                if (expected.isEmpty() || kind < 3 && expected.size() < positions) {
                    assertThat(arena.add(document)).isEqualTo(expected.size());
                    expected.add(document);
                } else if (kind < 8) {
                    int position = random.nextInt(expected.size());
                    arena.put(position, document);
                    expected.set(position, document);
                } else {
                    int position = random.nextInt(expected.size());
                    assertThat(arena.remove(position)).isEqualTo(expected.get(position));
                    expected.set(position, null);
                }
            } catch (MongoServerError memoryFull) {
                // the change did not happen: the list keeps what it held
            }
            if (change % 997 == 0) {
                assertHolds(arena, expected, largeSize);
            }
        }
        assertHolds(arena, expected, largeSize);
    }

    private static void assertHolds(DocumentArena arena, List<byte[]> expected, int largeSize) {
        long live = 0;
        assertThat(arena.size()).isEqualTo(expected.size());
        for (int position = 0; position < expected.size(); position++) {
            assertThat(arena.get(position)).as("position %d", position).isEqualTo(expected.get(position));
            assertThat(arena.isStored(position)).isEqualTo(expected.get(position) != null);
            live += expected.get(position) == null ? 0 : expected.get(position).length;
        }
        assertThat(arena.liveBytes()).isEqualTo(live);
        // each chunk but the one being filled is at least half live, up to the room a document did not fit in
        assertThat(arena.chunkBytes()).isLessThanOrEqualTo(3 * live + largeSize + 4096);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code length} bytes that differ from one {@code version} to the next. */
    private static byte[] sized(int length, int version) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (version * 31 + i);
        }
        return bytes;
    }
}
