package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.bson.Document;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The library's own update operators and projection, applied to a document the caller owns. They are package-private
 * in the library, whose update first deep-copies the whole document twice and compares the copies field by field:
 * most of the embedded store's time when a service updates a large document a little at a time (a run of 1,000 steps,
 * bench/RESULTS.md). The store decodes each document afresh, so it can let the operators change that copy instead.
 */
public final class LibraryUpdates {

    private static final Set<UpdateOperator> IN_PLACE = EnumSet.of(UpdateOperator.SET, UpdateOperator.UNSET,
            UpdateOperator.INC, UpdateOperator.MUL, UpdateOperator.MIN, UpdateOperator.MAX,
            UpdateOperator.CURRENT_DATE, UpdateOperator.PUSH, UpdateOperator.ADD_TO_SET, UpdateOperator.POP,
            UpdateOperator.PULL, UpdateOperator.PULL_ALL);

    private LibraryUpdates() {
    }

    /**
     * Whether {@code update} is made of operators that change the paths they name and nothing else, on paths without
     * positional parts ({@code $}, {@code $[]}, {@code $[name]}) — what {@link #apply} handles.
     */
    public static boolean changesNamedPaths(Document update) {
        if (update.isEmpty()) {
            return false;
        }
        for (String key : update.keySet()) {
            UpdateOperator operator = operator(key);
            if (operator == null || !IN_PLACE.contains(operator) || !(update.get(key) instanceof Document paths)) {
                return false;
            }
            for (String path : paths.keySet()) {
                if (path.contains("$")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Applies {@code update} ({@link #changesNamedPaths}) to {@code document} as the library's update would, checking
     * what it checks.
     */
    public static void apply(Document document, Document update, String idField) {
        if (mayConflict(update)) {
            AbstractMongoCollection.validateUpdateQuery(update); // throws the library's own error for the conflict
        }
        for (String key : update.keySet()) {
            UpdateOperator operator = operator(key);
            Document paths = (Document) update.get(key);
            paths.values().forEach(value -> validateStored(operator, value));
            if (!PlainPathUpdates.apply(document, operator, paths, idField)) {
                new FieldUpdates(document, operator, idField, false, null, ArrayFilters.empty()).apply(paths, key);
            }
        }
    }

    /**
     * Whether two of the update's paths may be one and the same or one within the other, which the library refuses:
     * each path's own prefixes are looked up among the others, where the library compares every pair (an update that
     * claims 32 tasks names ~200 paths: 11 of the store's 127 samples in a fan-out, 2026-12-06). Paths with empty
     * segments are left to the library's check.
     */
    static boolean mayConflict(Document update) {
        Set<String> paths = new HashSet<>();
        for (Object named : update.values()) {
            if (!(named instanceof Document document)) {
                return true;
            }
            for (String path : document.keySet()) {
                if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")
                        || !paths.add(path)) {
                    return true;
                }
            }
        }
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                if (paths.contains(path.substring(0, dot))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The library checks the field names of the whole document it is about to store; those stored before were checked
     * when they were written, so only what the update puts in needs it (not the conditions of {@code $pull}, nor
     * {@code $each} and the other modifiers of {@code $push}).
     */
    private static void validateStored(UpdateOperator operator, Object value) {
        Object stored = value;
        if (operator == UpdateOperator.PUSH || operator == UpdateOperator.ADD_TO_SET) {
            if (value instanceof Document modifiers && modifiers.containsKey("$each")) {
                stored = modifiers.get("$each");
            }
        } else if (operator != UpdateOperator.SET && operator != UpdateOperator.MIN && operator != UpdateOperator.MAX) {
            return;
        }
        Utils.validateFieldNames(new Document("value", stored));
    }

    /** The fields of {@code document} a {@code findAndModify}'s {@code fields} choose, as the library projects them. */
    public static Document project(Document document, Document fields, String idField) {
        return new Projection(fields, idField).projectDocument(document);
    }

    private static UpdateOperator operator(String key) {
        for (UpdateOperator operator : UpdateOperator.values()) {
            if (operator.getValue().equals(key)) {
                return operator;
            }
        }
        return null;
    }
}
