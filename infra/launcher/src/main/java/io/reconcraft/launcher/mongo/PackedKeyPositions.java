package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unique index's keys and the positions of their documents, the keys this stack writes — one or two values, each a
 * string, a number as the library normalizes it (a double) or an ObjectId — held as bytes in one array and found
 * through a table of ints: no object per key. With 50,000 runs stored the map it replaces held ~2.6 million map
 * nodes, ~1 million pairs, ~1.2 million doubles and most of ~2.2 million strings and their byte arrays, a third of
 * the heap's objects, which every marking cycle of the collector walks (bench/RESULTS.md, twenty-fourth session).
 * Any other key (a null, a long no double represents, a date, three values) is kept as the library's
 * {@link KeyValue} in a plain map beside.
 *
 * <p>A key's bytes are its values' kinds and contents, so two keys have the same bytes exactly when the library's
 * {@link KeyValue#equals} calls them equal (a double by its bits, as {@link Double#equals}). The table is probed
 * linearly and a removal shifts the keys after it back (no tombstones); a removed key's bytes stay behind until
 * they are more than half of the array, which is then rewritten with the live keys only.
 */
final class PackedKeyPositions {

    private static final byte LATIN1 = 1;
    private static final byte UTF16 = 2;
    private static final byte DOUBLE = 3;
    private static final byte OBJECT_ID = 4;
    private static final int OBJECT_ID_BYTES = 12;
    private static final int NOT_PACKED = -1;
    private static final int FREE = -1;
    private static final int COMPACT_FROM_BYTES = 64 * 1024;

    private final Map<KeyValue, Integer> others = new HashMap<>();

    private byte[] keyBytes = new byte[4096];
    private int keyEnd;
    private int garbageBytes;

    /** Per entry: where its key's bytes start, how many ({@link #FREE} for an entry not in use), its hash, position. */
    private int[] keyStart = new int[64];
    private int[] keyLength = new int[64];
    private int[] hashes = new int[64];
    private int[] positions = new int[64];
    private int entriesUsed;
    private int[] freeEntries = new int[16];
    private int freeCount;

    /** Open addressing: an entry's number + 1, 0 for an empty slot; at most half full. */
    private int[] slots = new int[128];
    private int packedCount;

    private byte[] scratch = new byte[256];

    synchronized Integer get(KeyValue key) {
        int length = encode(key);
        if (length == NOT_PACKED) {
            return others.get(key);
        }
        int slot = find(length, hash(length));
        return slots[slot] == 0 ? null : positions[slots[slot] - 1];
    }

    /** Adds the key with its position unless it is there already; answers whether it was added. */
    synchronized boolean putIfAbsent(KeyValue key, int position) {
        int length = encode(key);
        if (length == NOT_PACKED) {
            return others.putIfAbsent(key, position) == null;
        }
        int hash = hash(length);
        int slot = find(length, hash);
        if (slots[slot] != 0) {
            return false;
        }
        int entry = newEntry(length, hash, position);
        slots[slot] = entry + 1;
        packedCount++;
        if (packedCount * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return true;
    }

    /** Removes the key; answers the position it had, or null. */
    synchronized Integer remove(KeyValue key) {
        int length = encode(key);
        if (length == NOT_PACKED) {
            return others.remove(key);
        }
        int slot = find(length, hash(length));
        if (slots[slot] == 0) {
            return null;
        }
        int entry = slots[slot] - 1;
        int position = positions[entry];
        shiftBackInto(slot);
        releaseEntry(entry);
        packedCount--;
        return position;
    }

    synchronized int size() {
        return packedCount + others.size();
    }

    /** Every key with its position, as it is now. */
    synchronized List<Map.Entry<KeyValue, Integer>> entries() {
        List<Map.Entry<KeyValue, Integer>> entries = new ArrayList<>(size());
        for (int entry = 0; entry < entriesUsed; entry++) {
            if (keyLength[entry] != FREE) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(decode(keyStart[entry]), positions[entry]));
            }
        }
        entries.addAll(others.entrySet().stream().map(AbstractMap.SimpleImmutableEntry::new).toList());
        return entries;
    }

    /** The bytes the key array holds, live keys and garbage, for tests. */
    synchronized int keyArrayLength() {
        return keyBytes.length;
    }

    // ---- the table

    /** The slot holding the key in {@link #scratch}, or the empty slot where it would go. */
    private int find(int length, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int held = slots[slot];
            if (held == 0) {
                return slot;
            }
            int entry = held - 1;
            if (hashes[entry] == hash && keyLength[entry] == length
                    && Arrays.equals(keyBytes, keyStart[entry], keyStart[entry] + length, scratch, 0, length)) {
                return slot;
            }
        }
    }

    /** Empties the slot, moving back each key after it that may not sit behind an empty slot. */
    private void shiftBackInto(int emptied) {
        int mask = slots.length - 1;
        int hole = emptied;
        for (int next = (hole + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
            int home = hashes[slots[next] - 1] & mask;
            boolean homeBetween = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeBetween) {
                slots[hole] = slots[next];
                hole = next;
            }
        }
        slots[hole] = 0;
    }

    private void rehash(int capacity) {
        int[] rehashed = new int[capacity];
        int mask = capacity - 1;
        for (int held : slots) {
            if (held != 0) {
                int slot = hashes[held - 1] & mask;
                while (rehashed[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                rehashed[slot] = held;
            }
        }
        slots = rehashed;
    }

    // ---- entries and their bytes

    private int newEntry(int length, int hash, int position) {
        int entry;
        if (freeCount > 0) {
            entry = freeEntries[--freeCount];
        } else {
            if (entriesUsed == keyStart.length) {
                int grown = entriesUsed * 2;
                keyStart = Arrays.copyOf(keyStart, grown);
                keyLength = Arrays.copyOf(keyLength, grown);
                hashes = Arrays.copyOf(hashes, grown);
                positions = Arrays.copyOf(positions, grown);
            }
            entry = entriesUsed++;
        }
        makeRoomFor(length);
        System.arraycopy(scratch, 0, keyBytes, keyEnd, length);
        keyStart[entry] = keyEnd;
        keyLength[entry] = length;
        hashes[entry] = hash;
        positions[entry] = position;
        keyEnd += length;
        return entry;
    }

    private void releaseEntry(int entry) {
        garbageBytes += keyLength[entry];
        keyLength[entry] = FREE;
        if (freeCount == freeEntries.length) {
            freeEntries = Arrays.copyOf(freeEntries, freeCount * 2);
        }
        freeEntries[freeCount++] = entry;
    }

    private void makeRoomFor(int length) {
        if (keyEnd + length <= keyBytes.length) {
            return;
        }
        int live = keyEnd - garbageBytes;
        boolean compact = garbageBytes > COMPACT_FROM_BYTES && garbageBytes * 2 > keyEnd;
        long needed = (long) live + length;
        long capacity = compact ? Math.max(keyBytes.length, needed + needed / 2) : Math.max(2L * keyBytes.length, needed);
        if (capacity > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a unique index's keys have outgrown 2 GB");
        }
        byte[] moved = new byte[(int) capacity];
        int end = 0;
        for (int entry = 0; entry < entriesUsed; entry++) {
            if (keyLength[entry] != FREE) {
                System.arraycopy(keyBytes, keyStart[entry], moved, end, keyLength[entry]);
                keyStart[entry] = end;
                end += keyLength[entry];
            }
        }
        keyBytes = moved;
        keyEnd = end;
        garbageBytes = 0;
    }

    // ---- keys as bytes

    /** Writes the key's bytes to {@link #scratch}; answers their length, or {@link #NOT_PACKED}. */
    private int encode(KeyValue key) {
        if (key.size() < 1 || key.size() > 2) {
            return NOT_PACKED;
        }
        int end = 0;
        scratch[end++] = (byte) key.size();
        for (Object value : key) {
            end = encode(value, end);
            if (end == NOT_PACKED) {
                return NOT_PACKED;
            }
        }
        return end;
    }

    private int encode(Object value, int at) {
        if (value instanceof String string) {
            return encode(string, at);
        }
        if (value instanceof Double number) {
            ensureScratch(at + 1 + Long.BYTES);
            scratch[at] = DOUBLE;
            long bits = Double.doubleToLongBits(number);
            for (int i = 0; i < Long.BYTES; i++) {
                scratch[at + 1 + i] = (byte) (bits >>> (56 - 8 * i));
            }
            return at + 1 + Long.BYTES;
        }
        if (value instanceof ObjectId id) {
            byte[] data = id.toByteArray();
            if (data.length != OBJECT_ID_BYTES) {
                return NOT_PACKED;
            }
            ensureScratch(at + 1 + OBJECT_ID_BYTES);
            scratch[at] = OBJECT_ID;
            System.arraycopy(data, 0, scratch, at + 1, OBJECT_ID_BYTES);
            return at + 1 + OBJECT_ID_BYTES;
        }
        return NOT_PACKED;
    }

    private int encode(String string, int at) {
        int chars = string.length();
        boolean latin1 = true;
        for (int i = 0; i < chars && latin1; i++) {
            latin1 = string.charAt(i) < 256;
        }
        ensureScratch(at + 1 + 5 + (latin1 ? chars : 2 * chars));
        scratch[at++] = latin1 ? LATIN1 : UTF16;
        for (int rest = chars; ; rest >>>= 7) { // the length, seven bits a byte, lowest first
            if (rest < 0x80) {
                scratch[at++] = (byte) rest;
                break;
            }
            scratch[at++] = (byte) (rest | 0x80);
        }
        for (int i = 0; i < chars; i++) {
            char c = string.charAt(i);
            if (!latin1) {
                scratch[at++] = (byte) (c >>> 8);
            }
            scratch[at++] = (byte) c;
        }
        return at;
    }

    private void ensureScratch(int length) {
        if (length > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(length, 2 * scratch.length));
        }
    }

    private int hash(int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + scratch[i];
        }
        hash ^= hash >>> 16; // murmur3's finalizer: the table's mask reads the low bits
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        hash *= 0xC2B2AE35;
        return hash ^ (hash >>> 16);
    }

    private KeyValue decode(int start) {
        int at = start;
        Object[] values = new Object[keyBytes[at++]];
        for (int i = 0; i < values.length; i++) {
            byte kind = keyBytes[at++];
            if (kind == DOUBLE) {
                long bits = 0;
                for (int b = 0; b < Long.BYTES; b++) {
                    bits = (bits << 8) | (keyBytes[at++] & 0xFF);
                }
                values[i] = Double.longBitsToDouble(bits);
            } else if (kind == OBJECT_ID) {
                values[i] = new ObjectId(Arrays.copyOfRange(keyBytes, at, at + OBJECT_ID_BYTES));
                at += OBJECT_ID_BYTES;
            } else {
                int chars = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = keyBytes[at++];
                    chars |= (b & 0x7F) << shift;
                    if (b >= 0) {
                        break;
                    }
                }
                char[] text = new char[chars];
                for (int c = 0; c < chars; c++) {
                    text[c] = kind == LATIN1 ? (char) (keyBytes[at++] & 0xFF)
                            : (char) (((keyBytes[at++] & 0xFF) << 8) | (keyBytes[at++] & 0xFF));
                }
                values[i] = new String(text);
            }
        }
        return new KeyValue(values);
    }
}
