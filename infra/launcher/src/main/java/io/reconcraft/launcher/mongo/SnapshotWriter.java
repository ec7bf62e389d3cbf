package io.reconcraft.launcher.mongo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Writes every document of the databases as journal records, a collection at a time and within it a batch at a
 * time: each batch's stored bytes are taken under the collection's lock and written after it is released, so
 * writers of a collection wait at most for one batch to be taken, never for the whole collection to be written.
 *
 * <p>The writing keeps to a {@link WriteRate}, never while a collection's lock is held.
 *
 * <p>Documents are taken one by one, not at one instant, and that is enough: a snapshot is only ever read with the
 * journal opened before it began replayed over it, which holds every change made while it was written.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class SnapshotWriter {

    /** Told after each batch is written; a test changes the collection there. */
    interface BatchWritten {
        BatchWritten NONE = (database, collection) -> { };

        void written(String database, String collection);
    }

    static final int BATCH = 1_000;

    private final ByteBuf buffer = Unpooled.buffer(64 * 1024);
    private final BatchWritten batchWritten;
    private final WriteRate rate;
    private long bytes;

    void write(List<IndexedDatabase> databases, OutputStream out) throws IOException {
        for (IndexedDatabase database : databases) {
            for (Map.Entry<String, JournaledCollection> collection : database.journaledCollections().entrySet()) {
                write(database.getDatabaseName(), collection.getKey(), collection.getValue(), out);
            }
        }
    }

    private void write(String database, String name, JournaledCollection collection, OutputStream out)
            throws IOException {
        List<Integer> positions = collection.positions();
        for (int from = 0; from < positions.size(); from += BATCH) {
            List<byte[]> batch = collection.storedAt(positions.subList(from, Math.min(from + BATCH, positions.size())));
            for (byte[] document : batch) {
                buffer.clear();
                StoredBson.writePutRecord(database, name, document, buffer);
                int length = buffer.readableBytes();
                bytes += length;
                buffer.readBytes(out, length);
                rate.wrote(length);
            }
            batchWritten.written(database, name);
        }
    }

    /** The bytes written so far. */
    long bytes() {
        return bytes;
    }
}
