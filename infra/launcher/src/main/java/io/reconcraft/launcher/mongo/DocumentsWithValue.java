package io.reconcraft.launcher.mongo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents (id → position) a {@link FieldIndex} holds under one value, in the order they came. Most values are
 * one document's (a time, a sequence number): a map of its own for each was four objects (the map, its table, its
 * entry, a view of its values) where this is one, and the collector marks them all on every cycle; one document is
 * held in two fields, a map made when a second one comes (with 18,100 runs stored: 1.06 million objects and 70 MB
 * fewer; bench/RESULTS.md, 2026-12-06, eighteenth session).
 */
final class DocumentsWithValue {

    private Object onlyId;
    // the caller's own Integer, shared with the collection's other indexes: a new box per entry would cost more
    private Integer onlyPosition;
    private Map<Object, Integer> many;

    DocumentsWithValue(Object id, Integer position) {
        this.onlyId = id;
        this.onlyPosition = position;
    }

    void put(Object id, Integer position) {
        if (many == null && (onlyId == null || onlyId.equals(id))) {
            onlyId = id;
            onlyPosition = position;
            return;
        }
        if (many == null) {
            many = new LinkedHashMap<>(4);
            many.put(onlyId, onlyPosition);
            onlyId = null;
        }
        many.put(id, position);
    }

    Integer get(Object id) {
        if (many != null) {
            return many.get(id);
        }
        return onlyId != null && onlyId.equals(id) ? onlyPosition : null;
    }

    Integer remove(Object id) {
        if (many != null) {
            return many.remove(id);
        }
        if (onlyId == null || !onlyId.equals(id)) {
            return null;
        }
        onlyId = null;
        return onlyPosition;
    }

    boolean isEmpty() {
        return many == null ? onlyId == null : many.isEmpty();
    }

    int size() {
        return many == null ? (onlyId == null ? 0 : 1) : many.size();
    }

    /** The positions in the order their documents came; a view, not a copy. */
    Collection<Integer> positions() {
        if (many != null) {
            return many.values();
        }
        return onlyId == null ? List.of() : List.of(onlyPosition);
    }
}
