package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * A value of a stored document left as its BSON bytes ({@link PartialBson}): a slice of the stored array, which is
 * never changed once stored, so the slice stays valid while anyone holds it.
 *
 * @param type the BSON type byte of the value
 */
record RawValue(byte type, byte[] source, int offset, int length) {

    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;

    /**
     * The value decoded as far as {@code path} from segment {@code from} on reaches, the way {@link FieldIndex} walks
     * it: a document keeps only the field {@code path[from]}, decoded the same way from the next segment on; an array
     * keeps every element, each decoded from the same segment; past the last segment the value is decoded whole.
     */
    Object decodedAlong(String[] path, int from) {
        return along(type, buffer(), path, from);
    }

    void writeTo(ByteBuf out) {
        out.writeBytes(source, offset, length);
    }

    private ByteBuf buffer() {
        return Unpooled.wrappedBuffer(source, offset, length);
    }

    private static Object along(byte type, ByteBuf in, String[] path, int from) {
        if (from >= path.length || type != DOCUMENT && type != ARRAY) {
            return BsonDecoder.decodeValue(type, in);
        }
        int start = in.readerIndex();
        Document document = type == DOCUMENT ? new Document() : null;
        List<Object> elements = type == ARRAY ? new ArrayList<>() : null;
        boolean read = StoredBson.readFields(in, (fieldType, name, field) -> {
            if (type == ARRAY) {
                elements.add(along(fieldType, field, path, from));
            } else if (name.equals(path[from])) {
                document.put(name, along(fieldType, field, path, from + 1));
            } else {
                return StoredBson.skipValue(fieldType, field);
            }
            return true;
        });
        if (!read) {
            return BsonDecoder.decodeValue(type, in.readerIndex(start));
        }
        return type == DOCUMENT ? document : elements;
    }
}
