package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A unique hash index on the library's {@link AbstractUniqueIndex} (its checks, lookups and refusals over a map of
 * our own, see below), with a document's key taken straight from its fields when they are top-level and
 * the document holds one value in each (not an array, not null) — every {@code _id} and unique key this stack
 * writes: strings, the audit chain's numbers, the ObjectIds Spring stores hex ids as, the SSE journal's run and
 * number. The library finds keys by a general path (the field's path split by a regular expression, arrays
 * multiplied out, a stream per document) three times per insert (a check, then a check and the key again as it adds): 5.6 % of the
 * whole stack's CPU at saturation, more than any other part of an insert (JFR, bench/RESULTS.md). A string is its
 * own normalized key and any other value is normalized by the library's own {@link KeyValue#normalized()}, so the
 * key built here is the one the library's lookups, removals and updates build. Any other document or index takes
 * the library's path unchanged.
 *
 * <p>The keys and positions are held by a {@link PackedKeyPositions}: as bytes, not as an object or three per key.
 */
class KeyedUniqueIndex extends AbstractUniqueIndex<Integer> {

    private final List<String> fields;
    private final PackedKeyPositions positions = new PackedKeyPositions();

    KeyedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        List<String> names = keys.stream().map(IndexKey::getKey).toList();
        this.fields = names.stream().allMatch(key -> key.indexOf('.') < 0 && !key.startsWith("$")) ? names : null;
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Integer> collection) {
        KeyValue key = scalarKey(document);
        if (key == null) {
            super.checkAdd(document, collection);
        } else {
            refuseIfTaken(key, collection);
        }
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        KeyValue key = scalarKey(document);
        if (key == null) {
            super.add(document, position, collection);
            return;
        }
        refuseIfTaken(key, collection);
        putKeyPosition(key, position);
    }

    /** The library's refusal of a key already taken, with its message. */
    private void refuseIfTaken(KeyValue key, MongoCollection<Integer> collection) {
        if (containsKey(key)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    /** The document's key when the short way applies, else null. */
    private KeyValue scalarKey(Document document) {
        if (fields == null) {
            return null;
        }
        if (fields.size() == 1 && document.get(fields.get(0)) instanceof String value) {
            return new KeyValue(value); // its own normalized key
        }
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.get(fields.get(i));
            // null (absent or explicit, sparse or not) and arrays (one key per element) keep the library's rules
            if (value == null || value instanceof Collection) {
                return null;
            }
            values[i] = value;
        }
        return new KeyValue(values).normalized();
    }

    @Override
    protected Integer getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Integer position) {
        return positions.putIfAbsent(key, position);
    }

    @Override
    protected Integer removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
        return positions.entries();
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.size() == 0;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
