package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One record of a journal or a snapshot ({@link Journal}), read without decoding the document it carries: a
 * restart keeps each document as the bytes the store holds it as, so the whole history is never held as maps.
 *
 * @param operation {@code p} a document's new state, {@code d} a removal, {@code x} a dropped collection,
 *                  {@code X} a dropped database
 * @param document  the document's BSON bytes ({@code p}, or a removal of a document without an id); else null
 * @param id        the removed document's id ({@code d}); else null
 */
record JournalRecord(String operation, String database, String collection, byte[] document, Object id) {

    private static final byte EMBEDDED_DOCUMENT = 0x03;

    static JournalRecord parse(byte[] record) {
        ByteBuf in = Unpooled.wrappedBuffer(record);
        in.skipBytes(4); // the record's length
        String operation = null;
        String database = null;
        String collection = null;
        byte[] document = null;
        Object id = null;
        for (byte type = in.readByte(); type != 0; type = in.readByte()) {
            String key = BsonDecoder.decodeCString(in);
            if ("d".equals(key) && type == EMBEDDED_DOCUMENT) {
                document = new byte[in.getIntLE(in.readerIndex())];
                in.readBytes(document);
                continue;
            }
            Object value = BsonDecoder.decodeValue(type, in);
            switch (key) {
                case "o" -> operation = (String) value;
                case "db" -> database = (String) value;
                case "c" -> collection = (String) value;
                case "id" -> id = value;
                default -> throw new IllegalStateException("unknown field " + key + " in a journal record");
            }
        }
        return new JournalRecord(operation, database, collection, document, id);
    }

    /** The {@code _id} of a stored document, read from its bytes; null when it has none. */
    static Object idOf(byte[] document) {
        ByteBuf in = Unpooled.wrappedBuffer(document);
        in.skipBytes(4);
        for (byte type = in.readByte(); type != 0; type = in.readByte()) {
            String key = BsonDecoder.decodeCString(in);
            Object value = BsonDecoder.decodeValue(type, in);
            if ("_id".equals(key)) {
                return value;
            }
        }
        return null;
    }
}
