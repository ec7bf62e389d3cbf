package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A non-unique index that mongo-java-server itself leaves out ("secondary index … not yet implemented"), so that
 * a query by run id or a newest-first page does not walk the whole collection. It orders documents by the index's
 * FIRST key only: equality, {@code $in} and range conditions on that key select candidates, and the collection
 * still matches every candidate against the whole query, so a compound index narrows by its first key and is
 * never wrong. Documents without the key are kept apart: Mongo sorts them before every value. The documents of one
 * key come in the order of their positions, as a walk of the whole collection meets them.
 */
final class FieldIndex extends Index<Integer> {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    private static final java.util.Comparator<Object> KEYS = IndexKeys.KEYS;
    /** The key of the documents without one, in {@link #groupsAfter}. */
    static final Object WITHOUT_VALUE = new Object();

    private final String field;
    private final boolean topLevel;
    private final String[] path;
    private final IndexKeys byValue = new IndexKeys();
    private final Positions withoutValue = new Positions();
    /**
     * The keys of the documents that have several (an array's), each as often as the document holds it; a document
     * with one key is known by that key alone, so the index holds nothing per document beside its position there —
     * with 50,000 runs stored, a map entry, a list and a map of its own per document and index were millions of
     * objects for every marking cycle of the collector to walk (bench/RESULTS.md).
     */
    private final Map<Integer, List<Object>> severalKeys = new HashMap<>();
    private int documents;

    FieldIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.topLevel = field.indexOf('.') < 0;
        this.path = field.split("\\.");
    }

    String field() {
        return field;
    }

    /**
     * Null: this index knows documents by their keys, not by their ids. The library asks every index of a collection
     * for a document's position and takes the one answer of its unique ones ({@code _id}'s).
     */
    @Override
    public Integer getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        put(position, valuesOf(document));
    }

    private void put(Integer position, List<Object> keys) {
        documents++;
        if (keys.isEmpty()) {
            withoutValue.add(position);
            return;
        }
        for (Object key : keys) {
            byValue.add(key, position);
        }
        if (keys.size() > 1) {
            severalKeys.put(position, List.copyOf(keys));
        }
    }

    /**
     * The document at {@code position} taken out: its keys are those it has (a document with one key or none) or
     * those held for it (several). Where the index does not hold them so, it is taken out wherever it is.
     */
    synchronized void remove(Document document, Integer position) {
        List<Object> keys = severalKeys.get(position);
        take(position, keys != null ? keys : withoutValue.contains(position) ? List.of() : valuesOf(document));
    }

    /**
     * Not by the document alone: a key several documents share does not tell which of them it is. The collection
     * removes a document with its position ({@link #remove(Document, Integer)}).
     */
    @Override
    public Integer remove(Document document) {
        throw new UnsupportedOperationException("a FieldIndex removes a document by its position");
    }

    private void take(Integer position, List<Object> keys) {
        if (!holdsAll(position, keys)) {
            takeWherever(position);
            return;
        }
        documents--;
        if (keys.isEmpty()) {
            withoutValue.remove(position);
            return;
        }
        for (Object key : keys) {
            byValue.remove(key, position);
        }
        severalKeys.remove(position);
    }

    private boolean holdsAll(Integer position, List<Object> keys) {
        if (keys.isEmpty()) {
            return withoutValue.contains(position);
        }
        if (keys.size() > 1 != severalKeys.containsKey(position)) {
            return false;
        }
        for (Object key : keys) {
            if (!byValue.holds(key, position)) {
                return false;
            }
        }
        return true;
    }

    /** What an index out of step with its documents must never be left holding: a walk over all of it. */
    private void takeWherever(Integer position) {
        boolean held = withoutValue.remove(position);
        held |= severalKeys.remove(position) != null;
        held |= byValue.removeEverywhere(position);
        if (held) {
            documents--;
        }
    }

    /**
     * The document's keys {@code removed} replaced by {@code added} (an update that changed only parts of it,
     * {@link StoredUpdate#ofPartial}, or a small one whose keys were read before and after it); {@code before}
     * gives all its keys before the update, read only where the index does not know them (a document of one key
     * that gets more).
     */
    synchronized void changeKeys(Integer position, List<Object> removed, List<Object> added,
            java.util.function.Supplier<List<Object>> before) {
        List<Object> held = severalKeys.get(position);
        if (held == null) {
            held = withoutValue.contains(position) ? List.of()
                    : removed.size() == 1 && byValue.holds(removed.get(0), position) ? removed : before.get();
        }
        List<Object> keys = new ArrayList<>(held);
        if (!removeEach(keys, removed)) {
            // not what this index holds (taken out wherever it is, then): the keys after the update from those before
            keys = new ArrayList<>(before.get());
            removeEach(keys, removed);
        }
        keys.addAll(added);
        take(position, held);
        put(position, keys);
    }

    private static boolean removeEach(List<Object> keys, List<Object> removed) {
        boolean all = true;
        for (Object key : removed) {
            all &= keys.remove(key);
        }
        return all;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (!query.containsKey(field)) {
            return false;
        }
        Object condition = query.get(field);
        if (!(condition instanceof Document expression)) {
            return condition != null && !(condition instanceof Collection) && isIndexable(condition);
        }
        if (expression.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> operator : expression.entrySet()) {
            String name = operator.getKey();
            if ("$in".equals(name)) {
                if (!(operator.getValue() instanceof Collection<?> values)
                        || !values.stream().allMatch(FieldIndex::isIndexable)) {
                    return false;
                }
            } else if (!RANGE_OPERATORS.contains(name) || !isIndexable(operator.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized Iterable<Integer> getPositions(Document query) {
        Object condition = query.get(field);
        if (!(condition instanceof Document expression)) {
            List<Integer> positions = new ArrayList<>(1);
            byValue.addPositions(normalize(condition), positions);
            return positions;
        }
        Set<Integer> positions = new LinkedHashSet<>();
        if (expression.containsKey("$in")) {
            for (Object value : (Collection<?>) expression.get("$in")) {
                byValue.addPositions(normalize(value), positions);
            }
            return positions;
        }
        // a document with several values in the range (an array's) is one candidate, as it is one match
        byValue.groups(rangeOf(expression), true).forEachRemaining(group -> positions.addAll(group.positions()));
        return positions;
    }

    /**
     * How many positions {@link #getPositions} would hand over for a query this index can handle, counted no further
     * than {@code cap}: enough to tell which of several indexes narrows a query most without listing a long range.
     */
    synchronized int candidates(Document query, int cap) {
        Object condition = query.get(field);
        if (!(condition instanceof Document expression)) {
            return Math.min(cap, byValue.count(normalize(condition)));
        }
        if (!expression.containsKey("$in")) {
            return byValue.count(rangeOf(expression), cap);
        }
        int count = 0;
        for (Object value : (Collection<?>) expression.get("$in")) {
            count += byValue.count(normalize(value));
            if (count >= cap) {
                return cap;
            }
        }
        return count;
    }

    private static IndexKeys.Range rangeOf(Document expression) {
        IndexKeys.Range range = IndexKeys.Range.ALL;
        for (Map.Entry<String, Object> operator : expression.entrySet()) {
            Object bound = normalize(operator.getValue());
            range = switch (operator.getKey()) {
                case "$gt" -> range.above(bound, false);
                case "$gte" -> range.above(bound, true);
                case "$lt" -> range.below(bound, false);
                default -> range.below(bound, true);
            };
        }
        return range;
    }

    /** How many documents hold this scalar value (or an array holding it) in the indexed field. */
    synchronized int count(Object value) {
        return byValue.count(normalize(value));
    }

    /**
     * Every position in key order (documents without the key first), or the reverse: for sorted pages, produced only
     * as far as the page's walk reads (building the whole list cost every "newest 50" page a pass over the history).
     * Read under the collection's lock, which every change of this index is made under.
     */
    Iterable<Integer> positionsInOrder(boolean ascending) {
        return () -> groupsAfter(null, ascending, new Document()).flatMap(group -> group.positions().stream())
                .iterator();
    }

    /**
     * The keys after {@code after} (null: from the first) in ascending or descending order, documents without the key
     * first or last as Mongo sorts them ({@link #WITHOUT_VALUE} as their key), each with its documents: a walk that
     * stops after one key goes on from the next one later, whatever was added or removed meanwhile. Where the query's
     * condition on this field is a range, only the keys in it. A document with several keys (an array's) comes once,
     * at the one Mongo sorts it by: its smallest ascending, its largest descending. Read under the collection's lock.
     */
    Stream<IndexKeys.Group> groupsAfter(Object after, boolean ascending, Document query) {
        boolean ranged = canHandle(query) && query.get(field) instanceof Document expression
                && !expression.containsKey("$in");
        IndexKeys.Range range = ranged ? rangeOf((Document) query.get(field)) : IndexKeys.Range.ALL;
        boolean withoutToo = !ranged && (after == null || !ascending && after != WITHOUT_VALUE);
        java.util.Iterator<IndexKeys.Group> keys;
        if (after == WITHOUT_VALUE && !ascending) {
            keys = java.util.Collections.emptyIterator();
        } else {
            if (after != null && after != WITHOUT_VALUE) {
                range = ascending ? range.above(after, false) : range.below(after, false);
            }
            keys = byValue.groups(range, ascending);
        }
        // a stream of unknown size: one that asks its source for its size first counted the rest of the index for
        // every batch or page (2026-12-06)
        Stream<IndexKeys.Group> values = StreamSupport
                .stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED), false)
                .map(group -> new IndexKeys.Group(group.key(), sortedBy(group, ascending)));
        if (!withoutToo) {
            return values;
        }
        Stream<IndexKeys.Group> without = Stream.of(WITHOUT_VALUE)
                .map(key -> new IndexKeys.Group(key, withoutValue.toList()));
        return ascending ? Stream.concat(without, values) : Stream.concat(values, without);
    }

    /** The positions of the documents at the group's key that a sort in this direction places there. */
    private List<Integer> sortedBy(IndexKeys.Group group, boolean ascending) {
        List<Integer> positions = group.positions();
        Object key = group.key();
        if (!severalKeys.isEmpty()) {
            positions.removeIf(position -> {
                List<Object> keys = severalKeys.get(position);
                return keys != null && KEYS.compare(sortKeyOf(keys, ascending), key) != 0;
            });
        }
        return positions;
    }

    private static Object sortKeyOf(List<Object> values, boolean ascending) {
        return ascending ? java.util.Collections.min(values, KEYS) : java.util.Collections.max(values, KEYS);
    }

    @Override
    public synchronized long getCount() {
        return documents;
    }

    @Override
    public synchronized boolean isEmpty() {
        return documents == 0;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
            MongoCollection<Integer> collection) {
        remove(oldDocument, position);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        byValue.clear();
        withoutValue.clear();
        severalKeys.clear();
        documents = 0;
    }

    @Override
    public boolean isUnique() {
        return false;
    }

    /**
     * The document's keys, one per value found (an array of 1,000 steps with the same status gives it 1,000 times), so
     * that a change to part of the document can take out and put in the keys of that part alone ({@link #changeKeys}).
     */
    List<Object> valuesOf(Document document) {
        // a path without dots is the field itself: no need to split it (by a regular expression) per document; a
        // dotted one may pass through arrays ("steps.tasks.deadline"), whose every element's value is a key, as in
        // MongoDB's multikey indexes (the plain lookup answers "missing" there, and the index then held nothing)
        return keys(topLevel ? resolved(document.get(field), 1, false) : valueAt(document, 0, false), false);
    }

    /**
     * The keys found in the parts of a document the store decoded ({@link PartialBson}), leaving out those in the
     * parts it left raw: an update changes only decoded parts, so what it changes of the keys is the difference
     * between these before and after it.
     */
    List<Object> decodedKeysOf(Document document) {
        return keys(topLevel ? resolved(document.get(field), 1, true) : valueAt(document, 0, true), true);
    }

    /** The keys of the value found at the path, whose elements an update by index may have left raw. */
    private List<Object> keys(Object value, boolean rawLeftOut) {
        if (value == null || value instanceof Missing) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            List<Object> values = new ArrayList<>();
            for (Object found : many) {
                Object element = resolved(found, path.length, rawLeftOut);
                if (element != null && isIndexable(element)) {
                    values.add(normalize(element));
                }
            }
            return values;
        }
        return isIndexable(value) ? List.of(normalize(value)) : List.of();
    }

    /**
     * What the library's {@code Utils.getSubdocumentValueCollectionAware} finds at this index's path from segment
     * {@code from} on, with the path split once: the library splits it by a regular expression again at every level
     * and element, which was a third of an update's work on a run of 1,000 steps (2026-12-06). A path through arrays
     * gives the values of every element, flattened, and Missing for an element that is not a document.
     */
    Object valueAt(Document document, int from) {
        return valueAt(document, from, false);
    }

    private Object valueAt(Document document, int from, boolean rawLeftOut) {
        Object value = resolved(document.getOrMissing(path[from]), from + 1, rawLeftOut);
        if (from == path.length - 1) {
            return value;
        }
        if (value instanceof Document embedded) {
            return valueAt(embedded, from + 1, rawLeftOut);
        }
        if (value instanceof Collection<?> elements) {
            List<Object> found = new ArrayList<>();
            for (Object stored : elements) {
                Object element = resolved(stored, from + 1, rawLeftOut);
                if (element instanceof Document embedded) {
                    Object inner = valueAt(embedded, from + 1, rawLeftOut);
                    if (inner instanceof Collection<?> many) {
                        found.addAll(many);
                    } else {
                        found.add(inner);
                    }
                } else {
                    found.add(Missing.getInstance());
                }
            }
            return found;
        }
        return Missing.getInstance();
    }

    /**
     * A value the store left raw ({@link PartialBson}) decoded as far as this index's path from {@code next} on, or
     * left out (missing).
     */
    private Object resolved(Object value, int next, boolean rawLeftOut) {
        if (!(value instanceof RawValue raw)) {
            return value;
        }
        return rawLeftOut ? Missing.getInstance() : raw.decodedAlong(path, next);
    }

    /** Scalars only: documents and arrays as keys compare in ways the matcher knows better. */
    static boolean isIndexable(Object value) {
        return value instanceof String || value instanceof Number || value instanceof java.util.Date
                || value instanceof Boolean || value instanceof java.time.Instant
                || value instanceof de.bwaldvogel.mongo.bson.ObjectId || value instanceof java.util.UUID;
    }

    /** Numbers of different types that Mongo treats as equal (1, 1L, 1.0) become one key. */
    static Object normalize(Object value) {
        return new KeyValue(value).normalized().get(0);
    }
}
