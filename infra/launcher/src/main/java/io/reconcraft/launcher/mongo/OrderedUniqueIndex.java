package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * A unique index on one field that also knows its keys' order: the library's unique index refuses duplicates (its
 * rules and its errors), a {@link FieldIndex} over the same field answers ranges and walks the keys in order. The
 * library's unique index is a hash: the audit's "first and last record of the chain" ({@code sequence} exists,
 * sorted, one) and "the records after sequence n" matched every stored record, each minute — decoding the whole
 * chain once documents are kept as BSON.
 */
final class OrderedUniqueIndex extends Index<Integer> {

    private final KeyedUniqueIndex unique;
    private final FieldIndex ordered;

    OrderedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.unique = new KeyedUniqueIndex(name, keys, sparse);
        this.ordered = new FieldIndex(name, keys, sparse);
    }

    /** The same keys in order, for ranges, counts and sorted pages. */
    FieldIndex ordered() {
        return ordered;
    }

    @Override
    public Integer getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Integer position, MongoCollection<Integer> collection) {
        unique.add(document, position, collection);
        ordered.add(document, position, collection);
    }

    @Override
    public Integer remove(Document document) {
        Integer position = unique.remove(document);
        if (position != null) {
            ordered.remove(document, position);
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return ordered.canHandle(query) || unique.canHandle(query);
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        return ordered.canHandle(query) ? ordered.getPositions(query) : unique.getPositions(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Integer position,
            MongoCollection<Integer> collection) {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        ordered.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
        ordered.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }
}
