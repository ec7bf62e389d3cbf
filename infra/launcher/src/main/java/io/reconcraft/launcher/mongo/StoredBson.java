package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A stored document's form: its BSON bytes. One array per document instead of a map per level and an entry per
 * field: with 50,000 runs stored the store's maps were most of a 4–4.7 GB heap and most of what the collector
 * traced (bench/RESULTS.md), while the same documents are 1.6 GB of BSON. The journal and the snapshot write
 * these bytes as they are.
 */
final class StoredBson {

    private static final byte EMBEDDED_DOCUMENT = 0x03;

    private StoredBson() {
    }

    /** The document's bytes, encoded in {@code scratch} (cleared first) and copied out at their exact length. */
    static byte[] encode(Document document, ByteBuf scratch) {
        scratch.clear();
        BsonEncoder.encodeDocument(document, scratch);
        byte[] bytes = new byte[scratch.readableBytes()];
        scratch.readBytes(bytes);
        return bytes;
    }

    /** A new document, owned by the caller: changing it changes nothing stored. */
    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /**
     * Appends the journal's record of a document's new state, {@code {o: "p", db, c, d: document}}, with the
     * document's stored bytes copied in rather than encoded again.
     */
    static void writePutRecord(String database, String collection, byte[] document, ByteBuf out) {
        int start = out.writerIndex();
        BsonEncoder.encodeDocument(new Document("o", "p").append("db", database).append("c", collection), out);
        out.writerIndex(out.writerIndex() - 1); // drop the record's terminating zero: field d follows
        out.writeByte(EMBEDDED_DOCUMENT).writeByte('d').writeByte(0).writeBytes(document).writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }
}
