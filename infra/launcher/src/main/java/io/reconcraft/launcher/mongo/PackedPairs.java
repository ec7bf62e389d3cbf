package io.reconcraft.launcher.mongo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A set of (key, position) pairs in order — by key, then by position — held as primitives in chunks of sorted arrays:
 * how a {@link IndexKeys} keeps the keys that are numbers or times, which are nearly unique (an audit record's time,
 * its sequence number, a run's start). Held in a tree, each such document cost a map entry, a boxed key, a boxed
 * position and often a position list: with 64,000 runs stored, ~7 million objects that every marking cycle of the
 * collector walks (bench/RESULTS.md, twenty-fifth session). Here it is 12 bytes in an array.
 *
 * <p>A chunk holds up to {@link #CHUNK} pairs; a full one is split in halves, except when a pair goes after the last
 * one (keys that grow with time), which starts a new chunk so that chunks filled in order stay full.
 */
final class PackedPairs {

    static final int CHUNK = 512;

    private long[][] keys = new long[4][];
    private int[][] positions = new int[4][];
    private int[] sizes = new int[4];
    private int chunks;
    private int size;

    /** Adds the pair; false when it was there already. */
    boolean add(long key, int position) {
        if (chunks == 0) {
            insertChunk(0);
            keys[0][0] = key;
            positions[0][0] = position;
            sizes[0] = 1;
            size = 1;
            return true;
        }
        int chunk = Math.min(chunkFor(key, position), chunks - 1);
        int at = search(chunk, key, position);
        if (at >= 0) {
            return false;
        }
        int offset = -at - 1;
        if (sizes[chunk] == CHUNK) {
            if (chunk == chunks - 1 && offset == CHUNK) {
                insertChunk(chunks);
                chunk++;
                offset = 0;
            } else {
                split(chunk);
                if (offset > sizes[chunk]) {
                    offset -= sizes[chunk];
                    chunk++;
                }
            }
        }
        int held = sizes[chunk];
        System.arraycopy(keys[chunk], offset, keys[chunk], offset + 1, held - offset);
        System.arraycopy(positions[chunk], offset, positions[chunk], offset + 1, held - offset);
        keys[chunk][offset] = key;
        positions[chunk][offset] = position;
        sizes[chunk]++;
        size++;
        return true;
    }

    /** Takes the pair out; false when it was not there. */
    boolean remove(long key, int position) {
        int chunk = chunkFor(key, position);
        if (chunk == chunks) {
            return false;
        }
        int at = search(chunk, key, position);
        if (at < 0) {
            return false;
        }
        removeAt(chunk, at);
        return true;
    }

    boolean contains(long key, int position) {
        int chunk = chunkFor(key, position);
        return chunk < chunks && search(chunk, key, position) >= 0;
    }

    /** How many positions the key has. */
    int count(long key) {
        return countBetween(key, key, Integer.MAX_VALUE);
    }

    /** How many pairs have a key from {@code low} to {@code high}, both included, counted no further than cap. */
    int countBetween(long low, long high, int cap) {
        if (low > high) {
            return 0;
        }
        long from = cursorAt(low, false);
        long to = cursorAt(high, true);
        int count = 0;
        for (int chunk = chunkOf(from); chunk <= chunkOf(to) && chunk < chunks && count < cap; chunk++) {
            int start = chunk == chunkOf(from) ? offsetOf(from) : 0;
            int end = chunk == chunkOf(to) ? offsetOf(to) : sizes[chunk];
            count += end - start;
        }
        return Math.min(cap, count);
    }

    /** The key's positions, in ascending order. */
    void addPositions(long key, Collection<Integer> into) {
        long from = cursorAt(key, false);
        for (int chunk = chunkOf(from), offset = offsetOf(from); chunk < chunks; chunk++, offset = 0) {
            for (; offset < sizes[chunk]; offset++) {
                if (keys[chunk][offset] != key) {
                    return;
                }
                into.add(positions[chunk][offset]);
            }
        }
    }

    /** Takes the position out under every key it has; false when it had none. A walk over all pairs. */
    boolean removeEverywhere(int position) {
        boolean held = false;
        for (int chunk = chunks - 1; chunk >= 0; chunk--) {
            for (int offset = sizes[chunk] - 1; offset >= 0; offset--) {
                if (positions[chunk][offset] == position) {
                    held = true;
                    removeAt(chunk, offset);
                }
            }
        }
        return held;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        keys = new long[4][];
        positions = new int[4][];
        sizes = new int[4];
        chunks = 0;
        size = 0;
    }

    /** The chunks in use, for tests. */
    int chunks() {
        return chunks;
    }

    /** A key and its positions in ascending order. */
    record Group(long key, List<Integer> positions) { }

    /**
     * The keys from {@code low} to {@code high} (both included) with their positions, in ascending or descending
     * order of keys; positions always ascending. Not to be used across a change of the pairs.
     */
    Iterator<Group> groups(long low, long high, boolean ascending) {
        return new Walk(low, high, ascending);
    }

    /** A walk over the pairs, a key at a time, up to the high key or down to the low one. */
    private final class Walk implements Iterator<Group> {
        private final boolean ascending;
        private final long last;
        private int chunk;
        private int offset;

        Walk(long low, long high, boolean ascending) {
            this.ascending = ascending;
            this.last = ascending ? high : low;
            // ascending from the first pair of the low key; descending from the one before the first after the high
            long start = cursorAt(ascending ? low : high, !ascending);
            this.chunk = chunkOf(start);
            this.offset = offsetOf(start);
            if (!ascending) {
                step();
            }
            if (low > high) {
                this.chunk = -1;
            }
        }

        private boolean atPair() {
            return chunk >= 0 && chunk < chunks;
        }

        private void step() {
            if (ascending) {
                if (++offset == sizes[chunk]) {
                    chunk++;
                    offset = 0;
                }
            } else if (offset > 0) {
                offset--;
            } else if (--chunk >= 0) {
                offset = sizes[chunk] - 1;
            }
        }

        @Override
        public boolean hasNext() {
            return atPair() && (ascending ? keys[chunk][offset] <= last : keys[chunk][offset] >= last);
        }

        @Override
        public Group next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long key = keys[chunk][offset];
            List<Integer> found = new ArrayList<>(1);
            while (atPair() && keys[chunk][offset] == key) {
                found.add(positions[chunk][offset]);
                step();
            }
            if (!ascending) {
                Collections.reverse(found);
            }
            return new Group(key, found);
        }
    }

    // ---- chunks

    /**
     * Where the first pair with a key at least {@code key} (or, {@code past}, greater) is: its chunk in the high
     * half, its offset in the low; the chunk is {@link #chunks} when there is none.
     */
    private long cursorAt(long key, boolean past) {
        int low = 0;
        int high = chunks - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long last = keys[middle][sizes[middle] - 1];
            if (past ? last <= key : last < key) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        int chunk = low;
        if (chunk == chunks) {
            return (long) chunk << 32;
        }
        long[] chunkKeys = keys[chunk];
        int from = 0;
        int to = sizes[chunk];
        while (from < to) {
            int middle = (from + to) >>> 1;
            if (past ? chunkKeys[middle] <= key : chunkKeys[middle] < key) {
                from = middle + 1;
            } else {
                to = middle;
            }
        }
        return ((long) chunk << 32) | from;
    }

    private static int chunkOf(long cursor) {
        return (int) (cursor >>> 32);
    }

    private static int offsetOf(long cursor) {
        return (int) cursor;
    }

    /** The first chunk whose last pair is not before the given one; {@link #chunks} when every chunk's is. */
    private int chunkFor(long key, int position) {
        int low = 0;
        int high = chunks - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int last = sizes[middle] - 1;
            if (compare(keys[middle][last], positions[middle][last], key, position) < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Where the pair is in the chunk, or (-(where it would go) - 1). */
    private int search(int chunk, long key, int position) {
        long[] chunkKeys = keys[chunk];
        int[] chunkPositions = positions[chunk];
        int low = 0;
        int high = sizes[chunk] - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(chunkKeys[middle], chunkPositions[middle], key, position);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private static int compare(long key, int position, long otherKey, int otherPosition) {
        int order = Long.compare(key, otherKey);
        return order != 0 ? order : Integer.compare(position, otherPosition);
    }

    private void removeAt(int chunk, int offset) {
        int held = sizes[chunk];
        System.arraycopy(keys[chunk], offset + 1, keys[chunk], offset, held - offset - 1);
        System.arraycopy(positions[chunk], offset + 1, positions[chunk], offset, held - offset - 1);
        sizes[chunk]--;
        size--;
        if (sizes[chunk] == 0) {
            removeChunk(chunk);
        }
    }

    private void split(int chunk) {
        insertChunk(chunk + 1);
        int kept = CHUNK / 2;
        int moved = sizes[chunk] - kept;
        System.arraycopy(keys[chunk], kept, keys[chunk + 1], 0, moved);
        System.arraycopy(positions[chunk], kept, positions[chunk + 1], 0, moved);
        sizes[chunk] = kept;
        sizes[chunk + 1] = moved;
    }

    private void insertChunk(int at) {
        if (chunks == keys.length) {
            int grown = chunks * 2;
            keys = Arrays.copyOf(keys, grown);
            positions = Arrays.copyOf(positions, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        System.arraycopy(keys, at, keys, at + 1, chunks - at);
        System.arraycopy(positions, at, positions, at + 1, chunks - at);
        System.arraycopy(sizes, at, sizes, at + 1, chunks - at);
        keys[at] = new long[CHUNK];
        positions[at] = new int[CHUNK];
        sizes[at] = 0;
        chunks++;
    }

    private void removeChunk(int at) {
        System.arraycopy(keys, at + 1, keys, at, chunks - at - 1);
        System.arraycopy(positions, at + 1, positions, at, chunks - at - 1);
        System.arraycopy(sizes, at + 1, sizes, at, chunks - at - 1);
        chunks--;
        keys[chunks] = null;
        positions[chunks] = null;
    }
}
