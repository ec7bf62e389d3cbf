package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Set;

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
        return copiedOut(scratch);
    }

    /** What was written to {@code scratch}, copied out at its exact length. */
    static byte[] copiedOut(ByteBuf scratch) {
        byte[] bytes = new byte[scratch.readableBytes()];
        scratch.readBytes(bytes);
        return bytes;
    }

    /** A new document, owned by the caller: changing it changes nothing stored. */
    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /**
     * The top-level fields of the document named in {@code fields}, in stored order, decoded alone: every other field
     * is stepped over by its length. Null when the bytes hold a type this does not know how to step over (the caller
     * decodes the whole document then).
     */
    static Document decodeFields(byte[] bytes, Set<String> fields) {
        Document document = new Document();
        boolean read = readFields(Unpooled.wrappedBuffer(bytes), (type, name, in) -> {
            if (!fields.contains(name)) {
                return skipValue(type, in);
            }
            document.put(name, BsonDecoder.decodeValue(type, in));
            return true;
        });
        return read ? document : null;
    }

    /** Reads a field's value at the reader, or steps over it; false when it cannot. */
    interface FieldReader {
        boolean read(byte type, String name, ByteBuf in);
    }

    /**
     * Hands each field of the document (or array) at the reader to {@code field}, which reads its value or steps over
     * it; false as soon as it could not, true at the end of the document.
     */
    static boolean readFields(ByteBuf in, FieldReader field) {
        in.skipBytes(4);
        while (true) {
            byte type = in.readByte();
            if (type == 0) {
                return true;
            }
            if (!field.read(type, BsonDecoder.decodeCString(in), in)) {
                return false;
            }
        }
    }

    /** Steps over a value of {@code type}; false for a type it does not know (nothing is read then). */
    static boolean skipValue(byte type, ByteBuf in) {
        switch (type) {
            case 0x01, 0x09, 0x11, 0x12 -> in.skipBytes(8); // double, date, timestamp, int64
            case 0x02, 0x0D, 0x0E -> in.skipBytes(in.readIntLE()); // string, code, symbol
            case 0x03, 0x04, 0x0F -> in.skipBytes(in.readIntLE() - 4); // document, array, code with scope
            case 0x05 -> in.skipBytes(in.readIntLE() + 1); // binary: length, subtype, bytes
            case 0x06, 0x0A, (byte) 0xFF, 0x7F -> { } // undefined, null, min key, max key
            case 0x07 -> in.skipBytes(12); // ObjectId
            case 0x08 -> in.skipBytes(1); // boolean
            case 0x0B -> in.skipBytes(in.bytesBefore((byte) 0) + 1).skipBytes(in.bytesBefore((byte) 0) + 1); // regex
            case 0x0C -> in.skipBytes(in.readIntLE()).skipBytes(12); // DBPointer
            case 0x10 -> in.skipBytes(4); // int32
            case 0x13 -> in.skipBytes(16); // decimal128
            default -> {
                return false;
            }
        }
        return true;
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
