package io.reconcraft.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The embedded MongoDB's count of commands by database (= service), command and collection, so the benchmark can
 * print the round trips a finished run costs each service. Empty against a server that does not count.
 */
final class MongoCommands implements AutoCloseable {

    private final MongoClient client;

    MongoCommands(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
    }

    /** The commands sent so far, by {@code "<database> <command> <collection>"}. */
    Map<String, Long> read() {
        return section("counts");
    }

    /**
     * The stored documents each collection has matched one by one so far, by {@code "<database> <collection>"}: what
     * a query its indexes narrow costs, and what one they do not narrow costs for every document of the collection.
     */
    Map<String, Long> examined() {
        return section("examined");
    }

    /** The BSON bytes of the document states each collection has stored so far (inserts and updates). */
    Map<String, Long> written() {
        return section("written");
    }

    private Map<String, Long> section(String name) {
        Map<String, Long> counts = new HashMap<>();
        try {
            Document answer = client.getDatabase("reconcraft-bench").runCommand(new Document("reconcraftCommandCounts", 1));
            Document section = answer.get(name, Document.class);
            if (section != null) {
                section.forEach((key, count) -> counts.put(key, ((Number) count).longValue()));
            }
        } catch (RuntimeException e) {
            // a real MongoDB: no counts
        }
        return counts;
    }

    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new HashMap<>();
        after.forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta > 0) {
                used.put(key, delta);
            }
        });
        return used;
    }

    @Override
    public void close() {
        client.close();
    }
}
