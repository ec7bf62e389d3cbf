package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * A collection's stored documents, by position, as BSON bytes in direct memory: chunks filled one after the other,
 * each document's place (chunk and offset) and length held in primitive arrays. The Java heap keeps no object and
 * no byte per document, so the collector's marking cycles — which the stored history set going back to back, a
 * core for seconds at a time every ~15 s once 20,000 runs were stored at 50 runs/s (bench/RESULTS.md, twenty-third
 * session) — neither walk nor make room for the data itself.
 *
 * <p>A rewrite or a removal leaves its old bytes behind as garbage in their chunk; a chunk more than half garbage is
 * compacted (its live documents copied to the chunk being filled) once it is no longer the one being filled, so the
 * memory held stays within about twice the live bytes (and the room at a chunk's end that the next document did not
 * fit in). The last two chunks let go are kept for reuse: direct memory is given back only when the collector frees
 * its buffer object, which a store that marks rarely seldom does.
 *
 * <p>Every method holds this arena's lock: a cursor may read a position after its query released the collection's
 * lock, and a compaction must not move a document under a read.
 */
final class DocumentArena {

    private static final int MIN_CHUNK = 64 * 1024;
    private static final int MAX_CHUNK = 16 * 1024 * 1024;
    private static final long EMPTY = -1;
    private static final int POOLED_CHUNKS = 2;

    private final int minChunk;
    private final int maxChunk;
    private final DirectMemory memory;
    private final List<Chunk> chunks = new ArrayList<>();
    private final Deque<Integer> freeChunkIds = new ArrayDeque<>();
    private final Deque<ByteBuffer> pooled = new ArrayDeque<>();
    private long[] places = new long[16];
    private int[] lengths = new int[16];
    private int size;
    private long liveBytes;
    private Chunk filling;

    DocumentArena() {
        this(MIN_CHUNK, MAX_CHUNK, DirectMemory.JVM);
    }

    /** With other chunk sizes: a test fills and compacts chunks with a few documents. */
    DocumentArena(int minChunk, int maxChunk) {
        this(minChunk, maxChunk, DirectMemory.JVM);
    }

    DocumentArena(int minChunk, int maxChunk, DirectMemory memory) {
        this.minChunk = minChunk;
        this.maxChunk = maxChunk;
        this.memory = memory;
    }

    private static final class Chunk {
        final int id;
        final ByteBuffer buffer;
        int used;
        long live;
        int documents;

        Chunk(int id, ByteBuffer buffer) {
            this.id = id;
            this.buffer = buffer;
        }

        /** Less than half of what was written to it still live. */
        boolean mostlyGarbage() {
            return live * 2 < used;
        }
    }

    /** The number of positions, empty ones included (what a list of the documents would hold). */
    synchronized int size() {
        return size;
    }

    synchronized boolean isStored(int position) {
        return position < size && places[position] != EMPTY;
    }

    /** A copy of the document's bytes, or null when the position is empty. */
    synchronized byte[] get(int position) {
        if (!isStored(position)) {
            return null;
        }
        long place = places[position];
        byte[] bytes = new byte[lengths[position]];
        chunks.get(chunkId(place)).buffer.get(offset(place), bytes);
        return bytes;
    }

    /** Stores a document at a new position at the end and answers that position. */
    synchronized int add(byte[] bytes) {
        long place = write(bytes); // first: a store out of direct memory fails the insert and changes nothing
        if (size == places.length) {
            places = Arrays.copyOf(places, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        places[size] = place;
        lengths[size] = bytes.length;
        liveBytes += bytes.length;
        return size++;
    }

    /** Stores a document at an existing position, replacing what it held; answers the old length, or 0. */
    synchronized int put(int position, byte[] bytes) {
        long place = write(bytes); // first: a store out of direct memory fails the update and keeps the document
        long old = places[position]; // read after the write, whose compaction may have moved it
        int oldLength = lengths[position];
        // the new bytes are known at their position before the old ones are let go, whose chunk's compaction may
        // move every document of the chunk being filled, these new bytes among them
        places[position] = place;
        lengths[position] = bytes.length;
        liveBytes += bytes.length;
        if (old == EMPTY) {
            return 0;
        }
        liveBytes -= oldLength;
        release(old, oldLength);
        return oldLength;
    }

    /** Empties the position and answers the bytes it held (null if it was empty). */
    synchronized byte[] remove(int position) {
        byte[] removed = get(position);
        if (removed != null) {
            long old = places[position];
            places[position] = EMPTY;
            liveBytes -= removed.length;
            release(old, removed.length);
        }
        return removed;
    }

    /** The bytes of the documents stored now. */
    synchronized long liveBytes() {
        return liveBytes;
    }

    /** The direct memory the chunks in use hold, garbage included (what a test checks compaction by). */
    synchronized long chunkBytes() {
        return chunks.stream().filter(chunk -> chunk != null).mapToLong(chunk -> chunk.buffer.capacity()).sum();
    }

    /** Counts the bytes at {@code place} as garbage, and compacts their chunk if that leaves it mostly garbage. */
    private void release(long place, int length) {
        Chunk chunk = chunks.get(chunkId(place));
        chunk.live -= length;
        chunk.documents--;
        if (chunk != filling && (chunk.documents == 0 || chunk.mostlyGarbage())) {
            compactIfThereIsRoom(chunk);
        }
    }

    private long write(byte[] bytes) {
        if (filling != null && filling.buffer.capacity() - filling.used >= bytes.length) {
            return writeInto(filling, bytes);
        }
        Chunk full = filling;
        filling = newChunk(bytes.length);
        // the document first: the compaction below writes the old chunk's documents after it
        long place = writeInto(filling, bytes);
        if (full != null && (full.documents == 0 || full.mostlyGarbage())) {
            compactIfThereIsRoom(full);
        }
        return place;
    }

    private static long writeInto(Chunk chunk, byte[] bytes) {
        int offset = chunk.used;
        chunk.buffer.put(offset, bytes);
        chunk.used += bytes.length;
        chunk.live += bytes.length;
        chunk.documents++;
        return (long) chunk.id << 32 | offset;
    }

    /**
     * A compaction that finds the memory full stops where it is — every document moved so far at its new place, the
     * rest still in the chunk, which stays until a later release compacts it — so that the change it came with, whose
     * own bytes are already stored or let go, does not fail for it.
     */
    private void compactIfThereIsRoom(Chunk chunk) {
        try {
            compact(chunk);
        } catch (MongoServerError memoryFull) {
            // kept as it is; see above
        }
    }

    /** Moves the chunk's live documents to the chunk being filled, then lets the chunk go. */
    private void compact(Chunk chunk) {
        for (int position = 0; position < size && chunk.documents > 0; position++) {
            long place = places[position];
            if (place != EMPTY && chunkId(place) == chunk.id) {
                byte[] bytes = new byte[lengths[position]];
                chunk.buffer.get(offset(place), bytes);
                // counted as moved once it is: a write that finds the memory full leaves it where it was
                places[position] = write(bytes);
                chunk.documents--;
            }
        }
        chunks.set(chunk.id, null);
        freeChunkIds.add(chunk.id);
        if (pooled.size() == POOLED_CHUNKS) {
            pooled.removeFirst();
        }
        pooled.addLast(chunk.buffer);
    }

    /** A chunk for at least {@code length} bytes, sized to the collection: small ones take little memory. */
    private Chunk newChunk(int length) {
        int capacity = (int) Math.min(maxChunk, Math.max(minChunk, Long.highestOneBit(Math.max(1, liveBytes / 8))));
        capacity = Math.max(capacity, length);
        ByteBuffer buffer = null;
        // by identity: a buffer's equals compares its contents
        for (Iterator<ByteBuffer> released = pooled.iterator(); buffer == null && released.hasNext(); ) {
            ByteBuffer candidate = released.next();
            if (candidate.capacity() >= capacity && candidate.capacity() <= 2L * capacity) {
                released.remove();
                buffer = candidate;
            }
        }
        if (buffer == null) {
            buffer = memory.allocate(capacity);
        }
        Integer id = freeChunkIds.poll();
        Chunk chunk = new Chunk(id == null ? chunks.size() : id, buffer);
        if (id == null) {
            chunks.add(chunk);
        } else {
            chunks.set(id, chunk);
        }
        return chunk;
    }

    private static int chunkId(long place) {
        return (int) (place >>> 32);
    }

    private static int offset(long place) {
        return (int) place;
    }
}
