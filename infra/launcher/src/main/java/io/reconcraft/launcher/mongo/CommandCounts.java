package io.reconcraft.launcher.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many commands each database (each service) sent, by command and collection: the round trips a run
 * costs, read by the benchmark with the {@value #COMMAND} command. Counting is a map lookup and an add.
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

    /** {@code {counts: {"<database> <command> <collection>": n, …}, ok: 1}}. */
    Document answer() {
        Document byKey = new Document();
        new TreeMap<>(counts).forEach((key, count) -> byKey.append(key, count.sum()));
        return new Document("counts", byKey).append("ok", 1.0);
    }
}
