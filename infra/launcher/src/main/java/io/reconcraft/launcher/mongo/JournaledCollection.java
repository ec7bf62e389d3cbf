package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.LibraryUpdates;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection held in memory as each document's BSON bytes ({@link StoredBson}, kept off the Java heap by a
 * {@link DocumentArena}), whose every change is written to
 * the store's journal as the document's new state (or its removal), so the data survives a restart without
 * serializing whole pages the way the H2 backend did. A query decodes the documents its index hands it; what it
 * answers is its own copy. It also serves "newest first, first N" pages from a {@link FieldIndex} on the sort key
 * instead of sorting the whole collection.
 *
 * <p>The library's update computes a document's new state on a copy and hands it to {@link #handleUpdate}, which
 * stores it: a stored document is never changed in place.
 */
final class JournaledCollection extends AbstractSynchronizedMongoCollection<Integer> {

    private static final Comparator<Object> TIES = de.bwaldvogel.mongo.backend.ValueComparator.asc();

    private static final int FEW_CANDIDATES = 2_000;
    /** MongoDB's first batch when the query names no batch size. */
    private static final int FIRST_BATCH = 101;
    private static final int FIRST_CAP = 64;
    private static final int LAST_CAP = 1 << 18;
    private static final String ID = "_id";
    /**
     * Smaller documents are decoded whole for an update, as before: the 3-node runs' documents, whose updates the
     * partial decoding did not make cheaper (the wide runs' are 150 KB and more).
     */
    static final int PARTIAL_FROM_BYTES = 64 * 1024;

    private final IndexedDatabase database;
    private final LongAdder examined = new LongAdder();
    private final LongAdder written = new LongAdder();
    // changed under this collection's lock, like every change the library makes
    private final DocumentArena documents = new DocumentArena();
    private final Queue<Integer> emptyPositions = new ArrayDeque<>();
    private final ByteBuf scratch = Unpooled.buffer(16 * 1024);

    JournaledCollection(IndexedDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.database = database;
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        byte[] bytes = StoredBson.encode(document, scratch);
        // taken from the empty ones only once stored: a store whose memory is full fails the insert and keeps the count
        Integer position = emptyPositions.peek();
        if (position == null) {
            position = documents.add(bytes);
        } else {
            documents.put(position, bytes);
            emptyPositions.remove();
        }
        written.add(bytes.length);
        journal().put(database.getDatabaseName(), getCollectionName(), bytes);
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        store(position, StoredBson.encode(newDocument, scratch));
    }

    private void store(int position, byte[] bytes) {
        documents.put(position, bytes);
        written.add(bytes.length);
        journal().put(database.getDatabaseName(), getCollectionName(), bytes);
    }

    /**
     * An update of a document named by {@code _id} ({@link #positionsById}) with operators on plain paths, or a whole
     * replacement, changes this store's own decoded copy ({@link StoredUpdate}); anything else, the library's way —
     * an update of several documents too, which the library checks against the unique indexes one after the other.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
            boolean multi, boolean upsert, Oplog oplog) {
        List<Integer> positions = arrayFilters.isEmpty() && StoredUpdate.handles(update)
                ? positionsById(selector) : null;
        StoredUpdate stored = positions == null || multi && positions.size() > 1
                ? null : prepared(positions, selector, update);
        if (stored == null) {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        List<Object> updatedIds = new ArrayList<>();
        if (stored.changed()) {
            apply(stored);
            updatedIds.add(stored.id());
        }
        oplog.handleUpdate(getFullName(), selector, update, updatedIds);
        return new Document("n", 1).append("nModified", updatedIds.size());
    }

    @Override
    public synchronized Document findAndModify(Document command) {
        if (!(command.get("query") instanceof Document query) || !(command.get("update") instanceof Document update)
                || !StoredUpdate.handles(update) || command.containsKey("remove")
                || command.containsKey("arrayFilters")) {
            return super.findAndModify(command);
        }
        List<Integer> positions = positionsById(query);
        StoredUpdate stored = positions == null || positions.size() > 1 ? null : prepared(positions, query, update);
        if (stored == null) {
            return super.findAndModify(command);
        }
        if (stored.changed()) {
            apply(stored);
        }
        Document fields = command.get("fields") instanceof Document projection ? projection : null;
        Document value;
        if (!de.bwaldvogel.mongo.backend.Utils.isTrue(command.get("new"))) {
            value = StoredBson.decode(stored.oldBytes());
        } else if (PartialBson.readsRaw(stored.newDocument(), fields)) {
            value = StoredBson.decode(stored.newBytes());
        } else {
            value = stored.newDocument();
        }
        if (fields != null) {
            value = LibraryUpdates.project(value, fields, ID);
        }
        Document result = new Document("lastErrorObject", new Document("updatedExisting", Boolean.TRUE).append("n", 1));
        result.put("value", value);
        de.bwaldvogel.mongo.backend.Utils.markOkay(result);
        return result;
    }

    /**
     * The new state of the first document at these positions that matches, checked against every index it changes;
     * null when none matches or the update cannot be prepared so, for the library's update to answer (an upsert, or
     * the same refusal, worded and wrapped as the library words it). An update by operators is matched and applied
     * on the document decoded along the paths it and its selector name ({@link PartialBson}); whole when that cannot
     * be, or when it may change the key of an index other than a {@link FieldIndex}.
     */
    private StoredUpdate prepared(List<Integer> positions, Document selector, Document update) {
        for (Integer position : positions) {
            byte[] bytes = documents.get(position);
            if (bytes == null) {
                continue;
            }
            // null for a replacement, as for anything else decodeFor does not take on
            Document partial = bytes.length < PARTIAL_FROM_BYTES
                    ? null : PartialBson.decodeFor(bytes, selector, update);
            Document document = partial != null ? partial : StoredBson.decode(bytes);
            if (!documentMatchesQuery(document, selector)) {
                continue;
            }
            try {
                StoredUpdate stored = partial == null ? null
                        : StoredUpdate.ofPartial(position, bytes, partial, update, getIndexes(), scratch);
                if (stored == null) {
                    stored = StoredUpdate.of(position, bytes, partial == null ? document : StoredBson.decode(bytes),
                            update, getIndexes(), scratch);
                }
                for (Index<Integer> index : stored.changedIndexes()) {
                    index.checkUpdate(stored.oldDocument(), stored.newDocument(), this);
                }
                return stored;
            } catch (RuntimeException refused) {
                return null;
            }
        }
        return null;
    }

    private void apply(StoredUpdate stored) {
        for (Index<Integer> index : stored.changedIndexes()) {
            index.updateInPlace(stored.oldDocument(), stored.newDocument(), stored.position(), this);
        }
        for (StoredUpdate.KeyChange change : stored.keyChanges()) {
            change.index().changeKeys(stored.position(), change.removed(), change.added(), change.allBefore());
        }
        store(stored.position(), stored.newBytes());
    }

    /**
     * The library's removal, except that a {@link FieldIndex} is given the document's position, which its unique
     * indexes ({@code _id}'s) answer: it holds no map from documents to positions of its own.
     */
    @Override
    public synchronized void removeDocument(Document document) {
        Integer position = null;
        for (Index<Integer> index : getIndexes()) {
            if (index instanceof FieldIndex) {
                continue;
            }
            Integer removed = index.remove(document); // null: a sparse index without the document's key
            position = removed != null ? removed : position;
        }
        if (position == null) {
            position = findDocumentPosition(document);
        }
        if (position == null) {
            return;
        }
        for (Index<Integer> index : getIndexes()) {
            if (index instanceof FieldIndex field) {
                field.remove(document, position);
            }
        }
        removeDocument(position);
    }

    @Override
    protected void removeDocument(Integer position) {
        byte[] removed = documents.remove(position);
        emptyPositions.add(position);
        journal().delete(database.getDatabaseName(), getCollectionName(), StoredBson.decode(removed));
    }

    @Override
    protected Document getDocument(Integer position) {
        byte[] bytes = documents.get(position);
        return bytes == null ? null : StoredBson.decode(bytes);
    }

    @Override
    public synchronized int count() {
        return documents.size() - emptyPositions.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return count() == 0;
    }

    /** A query no index narrows: every document, decoded as far as it needs as the match reaches it. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document projection) {
        Iterable<Integer> all = storedPositions(isNaturalDescending(orderBy)).boxed()::iterator;
        return matchDecoded(query, all, orderBy, skip, limit, batchSize, projection);
    }

    /**
     * The query matched against the documents at {@code positions}, each decoded only as far as the query needs
     * ({@link QueryShape}): the fields that answer it, or whole once it meets the conditions on its plain fields.
     */
    private QueryResult matchDecoded(Document query, Iterable<Integer> positions, Document orderBy, int skip,
            int limit, int batchSize, Document projection) {
        QueryShape shape = QueryShape.of(query, orderBy, projection);
        Stream<Integer> stream = StreamSupport.stream(positions.spliterator(), false);
        if (shape.fields() != null) {
            Stream<Document> answering = stream.map(position -> decoded(position, shape.fields()))
                    .filter(Objects::nonNull);
            return matchDocumentsFromStream(answering, query, orderBy, skip, limit, batchSize, projection);
        }
        if (shape.prefilter() != null) {
            stream = stream.filter(position -> meetsPrefilter(position, shape));
        }
        return matchDocumentsFromStream(stream.map(this::getDocument).filter(Objects::nonNull), query, orderBy, skip,
                limit, batchSize, projection);
    }

    /** The document at {@code position} with these top-level fields, or whole where they cannot be read alone. */
    private Document decoded(Integer position, Set<String> fields) {
        byte[] bytes = documents.get(position);
        if (bytes == null) {
            return null;
        }
        Document partial = StoredBson.decodeFields(bytes, fields);
        return partial != null ? partial : StoredBson.decode(bytes);
    }

    /**
     * Whether the document at {@code position} meets the query's conditions on its plain fields (see QueryShape). One
     * that does not is counted as examined here; one that does, when the whole query is matched against it.
     */
    private boolean meetsPrefilter(Integer position, QueryShape shape) {
        byte[] bytes = documents.get(position);
        if (bytes == null) {
            return false;
        }
        Document partial = StoredBson.decodeFields(bytes, shape.prefilterFields());
        boolean meets = partial == null || super.documentMatchesQuery(partial, shape.prefilter());
        if (!meets) {
            examined.increment();
        }
        return meets;
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return storedPositions(false).mapToObj(position -> new DocumentWithPosition<>(getDocument(position), position));
    }

    /** Only where the collection has no index that knows the document (the library's list of indexes). */
    @Override
    protected Integer findDocumentPosition(Document document) {
        return storedPositions(false).filter(position -> document.equals(getDocument(position)))
                .boxed().findFirst().orElse(null);
    }

    private IntStream storedPositions(boolean descending) {
        int size = documents.size();
        IntStream positions = IntStream.range(0, size).map(i -> descending ? size - 1 - i : i);
        return positions.filter(documents::isStored);
    }

    /** What the stored documents' BSON weighs now (the library keeps it for {@code collStats} only). */
    @Override
    protected synchronized int getDataSize() {
        return (int) Math.min(Integer.MAX_VALUE, documents.liveBytes());
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // kept by this class from the stored bytes; the library's own tally encodes each document again to measure it
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /**
     * Under this collection's lock, which every query holds while it reads the list of indexes: the library changes
     * that list (a plain list) under the database's lock only, so a service creating its indexes while another
     * queried the collection failed the query with a ConcurrentModificationException (seen on a restart with
     * history, when building an index walks every stored document).
     */
    @Override
    public synchronized void addIndex(Index<Integer> index) {
        super.addIndex(index);
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }

    /**
     * The library's match, sort, skip and limit; a projection that only leaves out top-level fields takes them out of
     * the documents found, which were decoded for this query alone (see the class comment), instead of the library's
     * deep copy of each (a page of 50 runs for the API, without the read model's fields: a tenth of its time,
     * 2026-12-06).
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int skip, int limit,
            int batchSize, Comparator<Document> order, Document projection) {
        ExcludedFields excluded = ExcludedFields.of(projection);
        if (excluded == null) {
            return super.matchDocumentsFromStream(query, documents, skip, limit, batchSize, order, projection);
        }
        Stream<Document> found = documents.filter(document -> documentMatchesQuery(document, query));
        if (order != null) {
            found = found.sorted(order);
        }
        if (skip > 0) {
            found = found.skip(skip);
        }
        if (limit > 0) {
            found = found.limit(limit);
        }
        return createQueryResult(found.map(excluded::takenOutOf).collect(Collectors.toList()), batchSize);
    }

    /** Every stored document a query, an update or a count matches one by one passes here. */
    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        examined.increment();
        return super.documentMatchesQuery(document, query);
    }

    /**
     * How many stored documents have been matched one by one so far: a query that an index narrows examines its
     * candidates, one that none narrows examines the whole collection — which is what grows with history.
     */
    long examined() {
        return examined.sum();
    }

    /** The BSON bytes of every document state stored (inserted or updated) so far: what the journal is sent. */
    long written() {
        return written.sum();
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document projection) {
        List<Integer> byId = positionsById(query);
        if (byId != null) {
            return matchDecoded(query, byId, orderBy, skip, limit, batchSize, projection);
        }
        if (limit == 0) {
            // the whole result: along the sort key's index only where no other index narrows the query more (the
            // gateway's queued runs of a group, sorted by start, would otherwise walk every run ever started)
            FieldIndex sortIndex = sortIndexFor(orderBy);
            Index<Integer> narrowest = narrowestIndex(query);
            if (sortIndex != null && (narrowest == null || inOrder(narrowest) == sortIndex)) {
                return inOrderByBatches(new SortedWalk(sortIndex, query, orderBy, projection), skip, batchSize);
            }
            return matchedAtOnce(narrowest, query, orderBy, skip, limit, batchSize, projection);
        }
        FieldIndex sortIndex = limit > 0 && fewCandidates(query) == null ? sortIndexFor(orderBy) : null;
        if (sortIndex == null) {
            return matchedAtOnce(narrowestIndex(query), query, orderBy, skip, limit, batchSize, projection);
        }
        // Walk the index of the first sort key in the requested order and stop once the page is full and the
        // documents that tie with its last one are in; the page is then sorted by every key and cut as usual. Each
        // document is decoded only as far as the query needs (QueryShape): a page of ids skips its offset that way.
        String field = sortIndex.field();
        boolean ascending = ((Number) orderBy.get(field)).intValue() > 0;
        Set<String> answering = QueryShape.of(query, orderBy, projection).fields();
        List<Document> page = new ArrayList<>(skip + limit);
        Object lastValue = null;
        for (Integer position : sortIndex.positionsInOrder(ascending)) {
            Document document = answering == null ? getDocument(position) : decoded(position, answering);
            Object value = de.bwaldvogel.mongo.backend.Utils.getSubdocumentValue(document, field);
            if (page.size() >= skip + limit && !sameKey(value, lastValue)) {
                break;
            }
            if (documentMatchesQuery(document, query)) {
                page.add(document); // decoded once: the page is matched, sorted and cut from these
                lastValue = value;
            }
        }
        return matchDocumentsFromStream(page.stream(), query, orderBy, skip, limit, batchSize, projection);
    }

    /** The candidates of the index that narrows the query most, matched and sorted at once; all documents without one. */
    private QueryResult matchedAtOnce(Index<Integer> narrowest, Document query, Document orderBy, int skip, int limit,
            int batchSize, Document projection) {
        return narrowest == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, projection)
                : matchDecoded(query, narrowest.getPositions(query), orderBy, skip, limit, batchSize, projection);
    }

    /**
     * A sorted query without a limit that its sort key's index serves: its first batch now, the rest as the client
     * asks for it ({@link SortedWalkCursor}).
     */
    private QueryResult inOrderByBatches(SortedWalk walk, int skip, int batchSize) {
        SortedWalkCursor cursor = new SortedWalkCursor(cursorRegistry.generateCursorId(), this, walk, skip);
        List<Document> first = cursor.takeDocuments(batchSize > 0 ? batchSize : FIRST_BATCH);
        if (cursor.isEmpty()) {
            return new QueryResult(first);
        }
        cursorRegistry.add(cursor);
        return new QueryResult(first, cursor);
    }

    /**
     * The next documents of a walk along its sort key's index: whole groups of documents with equal keys, so that the
     * batch sorted by every key of the order is in place in the whole result, until at least {@code count} candidates
     * are read or the index ends; then matched against the query, sorted and projected.
     */
    synchronized List<Document> nextInOrder(SortedWalk walk, int count) {
        List<Document> candidates = new ArrayList<>();
        java.util.Iterator<IndexKeys.Group> groups = walk.index()
                .groupsAfter(walk.after(), walk.ascending(), walk.query()).iterator();
        while (candidates.size() < count && groups.hasNext()) {
            IndexKeys.Group group = groups.next();
            for (Integer position : group.positions()) {
                Document document = walk.answering() == null ? getDocument(position) : decoded(position, walk.answering());
                if (document != null) {
                    candidates.add(document);
                }
            }
            walk.movedPast(group.key());
        }
        if (!groups.hasNext()) {
            walk.end();
        }
        return matchDocumentsFromStream(candidates.stream(), walk.query(), walk.orderBy(), 0, 0, 0, walk.projection())
                .collectDocuments();
    }

    /**
     * The positions of the documents a query names by {@code _id} (one value, or {@code $in} values), alone or beside
     * other conditions — a guarded update ({@code _id} and the state it leaves) or a page of known ids — which the
     * library's unique index serves only when {@code _id} is the query's one key, so that every such update walked the
     * whole collection (a transition took longer the more runs were stored). Null when the query does not name them so.
     */
    private List<Integer> positionsById(Document query) {
        if (!query.containsKey(ID)) {
            return null;
        }
        List<Object> ids = idsOf(query.get(ID));
        Index<Integer> idIndex = ids == null ? null : idIndex();
        if (idIndex == null) {
            return null;
        }
        List<Integer> positions = new ArrayList<>(ids.size());
        for (Object id : ids) {
            idIndex.getPositions(new Document(ID, id)).forEach(positions::add);
        }
        return positions;
    }

    /** The ids a condition on {@code _id} names, when they are strings or ObjectIds (what our services use). */
    private static List<Object> idsOf(Object condition) {
        if (condition instanceof Document operators) {
            return operators.size() == 1 && operators.get("$in") instanceof java.util.Collection<?> values
                    && values.stream().allMatch(JournaledCollection::isPlainId) ? List.copyOf(values) : null;
        }
        return isPlainId(condition) ? List.of(condition) : null;
    }

    // Numbers are left to the full match: the index keys them as stored, while a query matches 1 and 1L alike.
    private static boolean isPlainId(Object value) {
        return value instanceof String || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
    }

    private Index<Integer> idIndex() {
        Document byId = new Document(ID, "");
        for (Index<Integer> index : getIndexes()) {
            if (index.isUnique() && index.canHandle(byId)) {
                return index;
            }
        }
        return null;
    }

    /**
     * How many documents a condition of one field equal to one scalar matches, from that field's index, or null when
     * no index answers it so. Its candidates are exactly its matches, so they need not be matched one by one — which
     * counting runs by status did for every stored run (the dashboard's and the benchmark's metrics).
     */
    synchronized Integer countFromIndex(Document query) {
        if (query.size() != 1) {
            return null;
        }
        String field = query.keySet().iterator().next();
        Object value = query.get(field);
        if (value == null || !FieldIndex.isIndexable(value)) {
            return null;
        }
        for (Index<Integer> index : getIndexes()) {
            FieldIndex fieldIndex = inOrder(index);
            if (fieldIndex != null && fieldIndex.field().equals(field)) {
                return fieldIndex.count(value);
            }
        }
        return null;
    }

    /** Where every document is now: a snapshot reads them from there in batches ({@link #storedAt}). */
    synchronized List<Integer> positions() {
        return storedPositions(false).boxed().toList();
    }

    /**
     * Copies of the stored bytes of the documents now at these positions, so that a snapshot writes them without
     * holding this collection's lock. A position emptied since
     * {@link #positions} is skipped and one filled again holds a document inserted since: both changes are in the
     * journal the snapshot is replayed with.
     */
    synchronized List<byte[]> storedAt(List<Integer> positions) {
        List<byte[]> stored = new ArrayList<>(positions.size());
        for (Integer position : positions) {
            byte[] bytes = documents.get(position);
            if (bytes != null) {
                stored.add(bytes);
            }
        }
        return stored;
    }

    private static boolean sameKey(Object one, Object other) {
        boolean oneMissing = one == null || one instanceof de.bwaldvogel.mongo.backend.Missing;
        boolean otherMissing = other == null || other instanceof de.bwaldvogel.mongo.backend.Missing;
        if (oneMissing || otherMissing) {
            return oneMissing && otherMissing;
        }
        return TIES.compare(one, other) == 0;
    }

    /**
     * The number of documents an index narrows the query to, when that is few enough to match and sort them all;
     * otherwise null, and a page is better read by walking the sort key's index (a status shared by most runs
     * would hand over most of the collection).
     */
    private Integer fewCandidates(Document query) {
        Integer fewest = null;
        for (Index<Integer> index : getIndexes()) {
            if (index.canHandle(query)) {
                int candidates = candidates(index, query, FEW_CANDIDATES + 1);
                fewest = fewest == null ? candidates : Math.min(fewest, candidates);
            }
        }
        return fewest != null && fewest <= FEW_CANDIDATES ? fewest : null;
    }

    /**
     * Of the indexes that can answer a query, the one that hands it the fewest candidates; null when none can. The
     * library takes the first that can, in the order the indexes were made: the gateway's count of the queued runs
     * ahead of one ({@code status}, {@code admissionGroup}, {@code startedAt} before it) was answered from the
     * {@code startedAt} index — every run started before, the whole history — instead of from {@code status}.
     */
    private Index<Integer> narrowestIndex(Document query) {
        // counted up to a growing cap, so that a long range is never counted further than a few times the answer
        for (int cap = FIRST_CAP; ; cap *= 16) {
            Index<Integer> narrowest = null;
            int fewest = cap;
            for (Index<Integer> index : getIndexes()) {
                if (index.canHandle(query)) {
                    int candidates = candidates(index, query, cap);
                    if (narrowest == null || candidates < fewest) {
                        narrowest = index;
                        fewest = candidates;
                    }
                }
            }
            if (narrowest == null || fewest < cap || cap >= LAST_CAP) {
                return narrowest;
            }
        }
    }

    /** How many candidates the index hands the query, counted no further than {@code cap}. */
    private static int candidates(Index<Integer> index, Document query, int cap) {
        FieldIndex fieldIndex = inOrder(index);
        if (fieldIndex != null && fieldIndex.canHandle(query)) {
            return fieldIndex.candidates(query, cap);
        }
        int count = 0;
        for (java.util.Iterator<Integer> it = index.getPositions(query).iterator(); it.hasNext() && count < cap; it.next()) {
            count++;
        }
        return count;
    }

    private FieldIndex sortIndexFor(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        String key = orderBy.keySet().iterator().next();
        if (!(orderBy.get(key) instanceof Number)) {
            return null;
        }
        for (Index<Integer> index : getIndexes()) {
            FieldIndex fieldIndex = inOrder(index);
            if (fieldIndex != null && fieldIndex.field().equals(key)) {
                return fieldIndex;
            }
        }
        return null;
    }

    /** The index's keys in order, where it keeps them so. */
    private static FieldIndex inOrder(Index<Integer> index) {
        if (index instanceof FieldIndex fieldIndex) {
            return fieldIndex;
        }
        return index instanceof OrderedUniqueIndex orderedUnique ? orderedUnique.ordered() : null;
    }

    private Journal journal() {
        return database.journal();
    }
}
