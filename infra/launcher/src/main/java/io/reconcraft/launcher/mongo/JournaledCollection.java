package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A collection held in memory whose every change is written to the store's journal as the document's new state
 * (or its removal), so the data survives a restart without serializing whole pages the way the H2 backend did.
 * It also serves "newest first, first N" pages from a {@link FieldIndex} on the sort key instead of sorting the
 * whole collection.
 */
final class JournaledCollection extends MemoryCollection {

    private final IndexedDatabase database;

    JournaledCollection(IndexedDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.database = database;
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        journal().put(database.getDatabaseName(), getCollectionName(), document);
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        journal().put(database.getDatabaseName(), getCollectionName(), getDocument(position));
    }

    @Override
    protected void removeDocument(Integer position) {
        Document removed = getDocument(position);
        super.removeDocument(position);
        journal().delete(database.getDatabaseName(), getCollectionName(), removed);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document projection) {
        FieldIndex sortIndex = limit > 0 && !handledByAnIndex(query) ? sortIndexFor(orderBy) : null;
        if (sortIndex == null) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }
        // Walk the index in the requested order and stop once the page is full; the page is then sorted and cut
        // as usual, which changes nothing but keeps ties and projection exactly as the library does them.
        boolean ascending = ((Number) orderBy.get(sortIndex.field())).intValue() > 0;
        List<Integer> page = new ArrayList<>(skip + limit);
        for (Integer position : sortIndex.positionsInOrder(ascending)) {
            if (documentMatchesQuery(getDocument(position), query)) {
                page.add(position);
                if (page.size() >= skip + limit) {
                    break;
                }
            }
        }
        return matchDocuments(query, page, orderBy, skip, limit, batchSize, projection);
    }

    /** Every document, encoded while this collection cannot change: for a consistent snapshot. */
    synchronized void forEachDocument(Consumer<Document> action) {
        streamAllDocumentsWithPosition().forEach(entry -> action.accept(entry.getDocument()));
    }

    private boolean handledByAnIndex(Document query) {
        for (Index<Integer> index : getIndexes()) {
            if (index.canHandle(query)) {
                return true;
            }
        }
        return false;
    }

    private FieldIndex sortIndexFor(Document orderBy) {
        if (orderBy == null || orderBy.size() != 1) {
            return null;
        }
        String key = orderBy.keySet().iterator().next();
        if (!(orderBy.get(key) instanceof Number)) {
            return null;
        }
        for (Index<Integer> index : getIndexes()) {
            if (index instanceof FieldIndex fieldIndex && fieldIndex.field().equals(key)) {
                return fieldIndex;
            }
        }
        return null;
    }

    private Journal journal() {
        return database.journal();
    }
}
