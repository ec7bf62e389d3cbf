package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A database of {@link JournaledCollection}s whose non-unique indexes are real {@link FieldIndex}es. */
final class IndexedDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    private final Map<String, JournaledCollection> collections = new ConcurrentHashMap<>();
    private final DurableBackend backend;

    IndexedDatabase(String name, CursorRegistry cursors, DurableBackend backend) {
        super(name, cursors);
        this.backend = backend;
        initializeNamespacesAndIndexes(); // opens the system collections, which need this class's fields

    }

    @Override
    protected JournaledCollection openOrCreateCollection(String name, CollectionOptions options) {
        JournaledCollection collection = new JournaledCollection(this, name, options, cursorRegistry);
        collections.put(name, collection);
        return collection;
    }

    /** {@code _id} and compound keys by hash; one other field also in order ({@link OrderedUniqueIndex}). */
    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
            boolean sparse) {
        return keys.size() == 1 && !"_id".equals(keys.get(0).getKey()) ? new OrderedUniqueIndex(name, keys, sparse)
                : new KeyedUniqueIndex(name, keys, sparse);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
            boolean sparse) {
        return new FieldIndex(name, keys, sparse);
    }

    // the library's dbStats reads these; an in-memory store has no files of its own to report
    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        if (CommandCounts.COMMAND.equals(command)) {
            return backend.commandCounts().answer(backend.databases());
        }
        backend.commandCounts().count(getDatabaseName(), command, query);
        if ("aggregate".equalsIgnoreCase(command) && query.get("aggregate") instanceof String name) {
            MongoCollection<Integer> collection = resolveCollection(name, false);
            if (collection != null) {
                Optional<Document> answer = IndexedAggregation.answer(this, collection,
                        getFullCollectionNamespace(name), query, resolver, oplog);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    @Override
    public void dropCollection(String name, Oplog oplog) {
        super.dropCollection(name, oplog);
        journal().dropCollection(getDatabaseName(), name);
    }

    @Override
    public void unregisterCollection(String name) {
        super.unregisterCollection(name);
        collections.remove(name);
    }

    /** The collection, created if needed: for a recovery that fills it. */
    MongoCollection<Integer> collection(String name) {
        return resolveOrCreateCollection(name);
    }

    Map<String, JournaledCollection> journaledCollections() {
        return Map.copyOf(collections);
    }

    Journal journal() {
        return backend.journal();
    }
}
