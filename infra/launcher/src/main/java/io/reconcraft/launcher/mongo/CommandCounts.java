package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many commands each database (each service) sent, by command and collection: the round trips a run
 * costs, read by the benchmark with the {@value #COMMAND} command, beside how many documents each collection has
 * matched one by one. Counting is a map lookup and an add.
 */
final class CommandCounts {

    /** The command that answers the counts so far, on any database: {@code {reconcraftCommandCounts: 1}}. */
    static final String COMMAND = "reconcraftCommandCounts";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String database, String command, Document query) {
        Object target = query.get(command);
        String key = database + " " + command + (target instanceof String collection ? " " + collection : "");
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /**
     * {@code {counts: {"<database> <command> <collection>": n, …}, examined: {"<database> <collection>": n, …},
     * written: {…}, ok: 1}}: the commands, the documents each collection has matched one by one
     * ({@link JournaledCollection#examined}) and the bytes of document states it has stored ({@link JournaledCollection#written}).
     */
    Document answer(List<IndexedDatabase> databases) {
        Document byKey = new Document();
        new TreeMap<>(counts).forEach((key, count) -> byKey.append(key, count.sum()));
        Map<String, Long> examined = new TreeMap<>();
        Map<String, Long> written = new TreeMap<>();
        for (IndexedDatabase database : databases) {
            database.journaledCollections().forEach((name, collection) -> {
                String key = database.getDatabaseName() + " " + name;
                if (collection.examined() > 0) {
                    examined.put(key, collection.examined());
                }
                if (collection.written() > 0) {
                    written.put(key, collection.written());
                }
            });
        }
        return new Document("counts", byKey).append("examined", new Document(examined))
                .append("written", new Document(written)).append("ok", 1.0);
    }
}
