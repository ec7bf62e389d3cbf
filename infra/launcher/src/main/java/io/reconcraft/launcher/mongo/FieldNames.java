package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code String} per field name for every document the store holds. Each document arrives as BSON and is decoded
 * into maps whose every key is a new string, so 50,000 stored runs held ~40 million strings, mostly names like
 * {@code status} (a class histogram: ~1 GB of string objects; bench/RESULTS.md). The table is bounded, and long names
 * are left alone: names are a schema's, but user data (a workflow node's config, say) brings keys of its own.
 */
final class FieldNames {

    static final int MAX_NAMES = 50_000;
    static final int MAX_LENGTH = 64;

    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final int maxNames;

    FieldNames() {
        this(MAX_NAMES);
    }

    FieldNames(int maxNames) {
        this.maxNames = maxNames;
    }

    /** The instance kept for this name; the name itself when it is new and the table is full, or when it is long. */
    String canonical(String name) {
        String kept = names.get(name);
        if (kept != null) {
            return kept;
        }
        if (name.length() > MAX_LENGTH || names.size() >= maxNames) {
            return name;
        }
        kept = names.putIfAbsent(name, name);
        return kept != null ? kept : name;
    }

    /** Gives {@code document} and every document inside it (in lists too) the kept names, in place, order unchanged. */
    void canonicalize(Document document) {
        boolean kept = true;
        for (Map.Entry<String, Object> field : document.entrySet()) {
            canonicalizeValue(field.getValue());
            kept &= canonical(field.getKey()) == field.getKey();
        }
        if (kept) {
            return; // the usual case for a stored document's fields an update left as they were
        }
        List<String> keys = new ArrayList<>(document.keySet());
        List<Object> values = new ArrayList<>(document.values());
        document.clear();
        for (int i = 0; i < keys.size(); i++) {
            document.put(canonical(keys.get(i)), values.get(i));
        }
    }

    private void canonicalizeValue(Object value) {
        if (value instanceof Document nested) {
            canonicalize(nested);
        } else if (value instanceof Collection<?> values) {
            values.forEach(this::canonicalizeValue);
        }
    }
}
