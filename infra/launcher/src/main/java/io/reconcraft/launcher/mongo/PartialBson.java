package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored document decoded along the paths an update and its conditions name, every other value left as its bytes
 * ({@link RawValue}), and encoded again with those bytes copied as they are. A run of 1,000 steps is 0.8 MB and
 * 25,000 fields that each of its 1,000 updates decoded and encoded whole, for a change to one step: 282 of the
 * store's 453 samples in a profile of a 1 → 1,000 → 1 fan-out (2026-12-06).
 *
 * <p>What the library reads of such a document is exactly what the whole one would give it: a path's containers are
 * decoded (a document's other fields raw), its last segment's value whole; a path through an array by index keeps the
 * other elements raw (the library's matcher and updates take a number after an array as its index alone), while a
 * path through an array by a field name (every element's) gets the array whole.
 */
final class PartialBson {

    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final Object UNREADABLE = new Object();
    private static final String ID = "_id";

    private PartialBson() {
    }

    /**
     * The document decoded along what {@code selector} and {@code update} (operators on plain paths) name, and its
     * {@code _id}; null when the selector holds anything but conditions on paths (in {@code $and}, {@code $or} and
     * {@code $nor} too) or the bytes a type this cannot step over.
     */
    static Document decodeFor(byte[] bytes, Document selector, Document update) {
        Paths paths = new Paths();
        paths.add(ID);
        if (!paths.addConditions(selector)) {
            return null;
        }
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!operator.getKey().startsWith("$") || !(operator.getValue() instanceof Document named)) {
                return null;
            }
            named.keySet().forEach(paths::add);
        }
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        Object document = document(bytes, in, paths);
        return document == UNREADABLE ? null : (Document) document;
    }

    /** The document's bytes, its raw values copied as they are; encoded in {@code scratch} (cleared first). */
    static byte[] encode(Document document, ByteBuf scratch) {
        scratch.clear();
        writeDocument(document, scratch);
        return StoredBson.copiedOut(scratch);
    }

    /**
     * Whether projecting {@code document} by {@code fields} (null: the whole document) may read a value left raw: an
     * inclusion of plain paths reads the top-level fields they start with; anything else may read every field.
     */
    static boolean readsRaw(Document document, Document fields) {
        if (fields == null || fields.isEmpty()) {
            return holdsRaw(document);
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            boolean included = field.getValue() instanceof Boolean on ? on
                    : field.getValue() instanceof Number number && number.doubleValue() != 0;
            if (!included && !(field.getKey().equals(ID) && field.getValue() != null)) {
                return true;
            }
            String name = field.getKey();
            int dot = name.indexOf('.');
            if (included && holdsRaw(document.get(dot < 0 ? name : name.substring(0, dot)))) {
                return true;
            }
        }
        return holdsRaw(document.get(ID));
    }

    /** Whether {@code value} holds a value left raw anywhere. */
    static boolean holdsRaw(Object value) {
        if (value instanceof RawValue) {
            return true;
        }
        if (value instanceof Map<?, ?> document) {
            return document.values().stream().anyMatch(PartialBson::holdsRaw);
        }
        return value instanceof List<?> elements && elements.stream().anyMatch(PartialBson::holdsRaw);
    }

    private static Object document(byte[] bytes, ByteBuf in, Paths paths) {
        Document document = new Document();
        boolean read = StoredBson.readFields(in, (type, name, field) -> {
            Object value = value(bytes, field, type, paths.children.get(name));
            document.put(name, value);
            return value != UNREADABLE;
        });
        return read ? document : UNREADABLE;
    }

    private static Object array(byte[] bytes, ByteBuf in, Paths paths) {
        List<Object> elements = new ArrayList<>();
        boolean read = StoredBson.readFields(in, (type, name, element) -> {
            Object value = name.equals(String.valueOf(elements.size()))
                    ? value(bytes, element, type, paths.children.get(name)) : UNREADABLE;
            elements.add(value);
            return value != UNREADABLE;
        });
        return read ? elements : UNREADABLE;
    }

    /** The value at the reader, raw where no path names it, along {@code paths} where they go on. */
    private static Object value(byte[] bytes, ByteBuf in, byte type, Paths paths) {
        if (paths == null) {
            int start = in.readerIndex();
            return StoredBson.skipValue(type, in) ? new RawValue(type, bytes, start, in.readerIndex() - start)
                    : UNREADABLE;
        }
        if (!paths.whole && type == DOCUMENT) {
            return document(bytes, in, paths);
        }
        if (!paths.whole && type == ARRAY && paths.byIndexOnly()) {
            return array(bytes, in, paths);
        }
        return BsonDecoder.decodeValue(type, in);
    }

    private static void writeDocument(Map<String, ?> document, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        document.forEach((name, value) -> writeElement(name, value, out));
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }

    private static void writeArray(List<?> elements, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        for (int i = 0; i < elements.size(); i++) {
            writeElement(String.valueOf(i), elements.get(i), out);
        }
        out.writeByte(0);
        out.setIntLE(start, out.writerIndex() - start);
    }

    /** As the library's encoder writes a field, with a raw value's bytes copied and containers that may hold them. */
    @SuppressWarnings("unchecked")
    private static void writeElement(String name, Object value, ByteBuf out) {
        byte type = value instanceof RawValue raw ? raw.type() : BsonEncoder.determineType(value);
        out.writeByte(type);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8)).writeByte(0);
        if (value instanceof RawValue raw) {
            raw.writeTo(out);
        } else if (value instanceof Map<?, ?> document) {
            writeDocument((Map<String, ?>) document, out);
        } else if (value instanceof List<?> elements) {
            writeArray(elements, out);
        } else {
            BsonEncoder.encodeValue(type, value, out);
        }
    }

    /** The paths to decode, as a tree of their segments; a path that ends at a node wants its value whole. */
    private static final class Paths {

        private final Map<String, Paths> children = new HashMap<>();
        private boolean whole;

        void add(String path) {
            Paths node = this;
            for (String segment : path.split("\\.", -1)) {
                node = node.children.computeIfAbsent(segment, s -> new Paths());
            }
            node.whole = true;
        }

        /** Adds the paths of every condition; false for an operator that is not a condition on paths. */
        boolean addConditions(Document selector) {
            for (Map.Entry<String, Object> condition : selector.entrySet()) {
                String key = condition.getKey();
                if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                    if (!(condition.getValue() instanceof List<?> clauses)) {
                        return false;
                    }
                    for (Object clause : clauses) {
                        if (!(clause instanceof Document document) || !addConditions(document)) {
                            return false;
                        }
                    }
                } else if (key.startsWith("$")) {
                    return false;
                } else {
                    add(key);
                }
            }
            return true;
        }

        /**
         * Whether every path on from here names an array's element by its index, written as the element's name is
         * ("7", not "07", which the library reads as the same index).
         */
        boolean byIndexOnly() {
            for (String segment : children.keySet()) {
                if (!StoredUpdate.isIndex(segment) || !segment.equals(String.valueOf(Integer.parseInt(segment)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
