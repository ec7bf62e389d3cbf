package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.LibraryUpdates;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One stored document's new state, computed on the store's own decoded copy of it — which no one else holds, so
 * the library's two deep copies and its field-by-field comparison of them are not needed: the document changed when
 * its new bytes differ from the stored ones (MongoDB's own test of a no-op update compares values as bytes, too).
 *
 * @param oldDocument    the document as stored, decoded again only when a key of one of the library's indexes may
 *                       have changed (a {@link FieldIndex} is given what changed of its keys instead)
 * @param changedIndexes the library's indexes whose keys the update may have changed: those on a path it names the
 *                       first field of whose values differ afterwards (a whole replacement: every index)
 * @param keyChanges     what the update changed of the keys of each {@link FieldIndex} on a path it names
 * @param newDocument    the document as the update left it, in part raw where it was decoded in part
 */
record StoredUpdate(int position, Object id, byte[] oldBytes, byte[] newBytes, Document oldDocument,
        Document newDocument, List<Index<Integer>> changedIndexes, List<KeyChange> keyChanges) {

    private static final String ID = "_id";

    /** A whole replacement, or operators on plain paths ({@link LibraryUpdates#changesNamedPaths}). */
    static boolean handles(Document update) {
        return isReplacement(update) || LibraryUpdates.changesNamedPaths(update);
    }

    boolean changed() {
        return !Arrays.equals(oldBytes, newBytes);
    }

    /**
     * {@code update} applied to {@code document}, decoded from {@code bytes} for this update alone. Throws what the
     * library would refuse the update for (the caller lets the library refuse it in its own words).
     */
    static StoredUpdate of(int position, byte[] bytes, Document document, Document update,
            List<Index<Integer>> indexes, ByteBuf scratch) {
        Object id = document.get(ID);
        if (isReplacement(update)) {
            Document replaced = replacement(id, update);
            return new StoredUpdate(position, id, bytes, StoredBson.encode(replaced, scratch), document, replaced,
                    indexes, List.of());
        }
        Set<String> fields = update.values().stream().flatMap(paths -> ((Document) paths).keySet().stream())
                .map(StoredUpdate::first).collect(Collectors.toSet());
        List<Index<Integer>> named = indexes.stream()
                .filter(index -> keys(index).anyMatch(key -> fields.contains(first(key)))).toList();
        List<FieldIndex> fieldIndexes = named.stream().filter(FieldIndex.class::isInstance).map(FieldIndex.class::cast)
                .toList();
        List<Index<Integer>> others = named.stream().filter(index -> !(index instanceof FieldIndex)).toList();
        List<List<Object>> fieldKeysBefore = fieldIndexes.stream().map(index -> index.valuesOf(document)).toList();
        List<List<Object>> keysBefore = others.stream().map(index -> keyValues(index, document)).toList();
        LibraryUpdates.apply(document, update, ID);
        List<KeyChange> keyChanges = new ArrayList<>();
        for (int i = 0; i < fieldIndexes.size(); i++) {
            List<Object> before = fieldKeysBefore.get(i);
            KeyChange change = KeyChange.between(fieldIndexes.get(i), before, fieldIndexes.get(i).valuesOf(document),
                    () -> before);
            if (change != null) {
                keyChanges.add(change);
            }
        }
        List<Index<Integer>> changed = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            List<Object> before = keysBefore.get(i);
            if (before.stream().anyMatch(StoredUpdate::changesInPlace)
                    || !before.equals(keyValues(others.get(i), document))) {
                changed.add(others.get(i));
            }
        }
        // the stored document is decoded again only for the library's indexes (a path through the steps of a run of
        // 1,000 changes with every transition, and a FieldIndex is told what changed of its keys)
        Document old = changed.isEmpty() ? null : StoredBson.decode(bytes);
        return new StoredUpdate(position, id, bytes, StoredBson.encode(document, scratch), old, document, changed,
                keyChanges);
    }

    /**
     * {@code update} applied to {@code partial}, the stored {@code bytes} decoded along what the update and its
     * conditions name ({@link PartialBson}); null when the update may change a key of an index other than a
     * {@link FieldIndex} (which reads what it needs of a raw value itself), for the caller to decode the document whole.
     */
    static StoredUpdate ofPartial(int position, byte[] bytes, Document partial, Document update,
            List<Index<Integer>> indexes, ByteBuf scratch) {
        List<String[]> paths = update.values().stream().flatMap(named -> ((Document) named).keySet().stream())
                .map(StoredUpdate::fieldsOf).toList();
        List<Index<Integer>> named = indexes.stream().filter(index -> keys(index).map(StoredUpdate::fieldsOf)
                .anyMatch(key -> paths.stream().anyMatch(path -> onOneLine(path, key)))).toList();
        if (named.stream().anyMatch(index -> !(index instanceof FieldIndex))) {
            return null;
        }
        Object id = partial.get(ID);
        List<List<Object>> before = named.stream().map(index -> ((FieldIndex) index).decodedKeysOf(partial)).toList();
        LibraryUpdates.apply(partial, update, ID);
        List<KeyChange> keyChanges = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            FieldIndex index = (FieldIndex) named.get(i);
            KeyChange change = KeyChange.between(index, before.get(i), index.decodedKeysOf(partial),
                    () -> index.valuesOf(StoredBson.decode(bytes)));
            if (change != null) {
                keyChanges.add(change);
            }
        }
        return new StoredUpdate(position, id, bytes, PartialBson.encode(partial, scratch), null, partial, List.of(),
                keyChanges);
    }

    /**
     * What an update changed of the keys of a {@link FieldIndex}: those it took out and those it put in, and all the
     * document's keys before it, for the index to read where it does not know them ({@link FieldIndex#changeKeys}).
     */
    record KeyChange(FieldIndex index, List<Object> removed, List<Object> added, Supplier<List<Object>> allBefore) {

        /** The change from keys {@code before} to keys {@code after}, each counted; null when they are the same. */
        static KeyChange between(FieldIndex index, List<Object> before, List<Object> after,
                Supplier<List<Object>> allBefore) {
            List<Object> removed = new ArrayList<>(before);
            List<Object> added = new ArrayList<>();
            for (Object key : after) {
                if (!removed.remove(key)) {
                    added.add(key);
                }
            }
            return removed.isEmpty() && added.isEmpty() ? null : new KeyChange(index, removed, added, allBefore);
        }
    }

    /**
     * A path's field names without the segments that may be an array's index: what changes at a path can change what
     * an index's key finds only when one of the two lies along the other.
     */
    private static String[] fieldsOf(String path) {
        return Arrays.stream(path.split("\\.")).filter(segment -> !isIndex(segment)).toArray(String[]::new);
    }

    private static boolean onOneLine(String[] one, String[] other) {
        int common = Math.min(one.length, other.length);
        return Arrays.equals(one, 0, common, other, 0, common);
    }

    static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() <= 9 && segment.chars().allMatch(Character::isDigit);
    }

    private static Stream<String> keys(Index<Integer> index) {
        return index.getKeys().stream().map(IndexKey::getKey);
    }

    /** What each key of the index finds in the document (a list, through arrays). */
    private static List<Object> keyValues(Index<Integer> index, Document document) {
        return keys(index).map(key -> Utils.getSubdocumentValueCollectionAware(document, key)).toList();
    }

    /**
     * A document or an array an operator may change where it is (a {@code $push}): its value before the update is then
     * not known from it afterwards, and the index is given the stored document as it was.
     */
    private static boolean changesInPlace(Object keyValue) {
        return keyValue instanceof Document || keyValue instanceof java.util.Collection<?>;
    }

    private static boolean isReplacement(Document update) {
        return !update.isEmpty() && update.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    /** The replacement with the stored {@code _id} first, as the library keeps it; one naming another id is refused. */
    private static Document replacement(Object id, Document update) {
        Object newId = update.get(ID);
        if (newId != null && !newId.equals(id)) {
            throw new IllegalArgumentException("a replacement may not change _id");
        }
        Document replaced = new Document(ID, id);
        update.forEach((field, value) -> {
            if (!field.equals(ID)) {
                replaced.put(field, value);
            }
        });
        Utils.validateFieldNames(replaced);
        return replaced;
    }

    private static String first(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
