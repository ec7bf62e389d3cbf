package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only log of document states, one BSON record per change: {@code {o: "p", db, c, d: document}} for a
 * document's new state, {@code {o: "d", db, c, id}} for a removal (the whole document where it has no id), {@code {o: "x", db, c}} for a dropped collection
 * and {@code {o: "X", db}} for a dropped database. Each record is handed to the operating system as soon as it is
 * written, so a killed launcher loses nothing; like Kafka's default, it does not force every write to the disk.
 */
final class Journal implements AutoCloseable {

    private final ByteBuf buffer = Unpooled.buffer(16 * 1024);
    private OutputStream out;
    private Path file;
    private long bytes;
    private boolean enabled;

    Journal(Path file) {
        open(file);
    }

    /** A document's new state, given as its stored bytes. */
    synchronized void put(String database, String collection, byte[] document) {
        if (!enabled) {
            return;
        }
        buffer.clear();
        StoredBson.writePutRecord(database, collection, document, buffer);
        write();
    }

    synchronized void delete(String database, String collection, Document removed) {
        Document record = new Document("o", "d").append("db", database).append("c", collection);
        // system collections (the index list) keep documents without an _id: such a removal names the whole document
        record.append(removed.containsKey("_id") ? "id" : "d", removed.containsKey("_id") ? removed.get("_id") : removed);
        append(record);
    }

    synchronized void dropCollection(String database, String collection) {
        append(new Document("o", "x").append("db", database).append("c", collection));
    }

    synchronized void dropDatabase(String database) {
        append(new Document("o", "X").append("db", database));
    }

    /** Off while a recovery re-creates what the files already hold. */
    synchronized void enable(boolean on) {
        this.enabled = on;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized Path file() {
        return file;
    }

    /** Continues in a new file; the caller snapshots afterwards, so the old files can go once that is written. */
    synchronized void rotateTo(Path next) {
        closeQuietly();
        open(next);
    }

    private void append(Document record) {
        if (!enabled) {
            return;
        }
        buffer.clear();
        BsonEncoder.encodeDocument(record, buffer);
        write();
    }

    private void write() {
        try {
            buffer.readBytes(out, buffer.readableBytes());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded database's journal " + file, e);
        }
        bytes += buffer.writerIndex();
    }

    private void open(Path next) {
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(next, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), 64 * 1024);
            this.file = next;
            this.bytes = Files.size(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the embedded database's journal " + next, e);
        }
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException e) {
            // the next open reports a real problem with the folder
        }
    }

    @Override
    public synchronized void close() {
        enabled = false;
        closeQuietly();
    }
}
