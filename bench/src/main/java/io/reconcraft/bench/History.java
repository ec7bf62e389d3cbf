package io.reconcraft.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

/**
 * Seeds a stack with run history: every document that one finished run left in the gateway, the orchestrator and
 * the tool-runner, copied {@code count} times under new run ids, each copy's times moved back as if the runs had
 * come at 50 a second before the sample. (The audit's records are left out: copies would break its hash chain; so
 * are the findings service's.)
 */
final class History {

    private static final List<String> DATABASES = List.of("reconcraft-api-gateway", "reconcraft-run-orchestrator",
            "reconcraft-tool-runner");

    /**
     * Copies that kept the sample's times held one entry for all of them in every index over a time, where run-by-run
     * history holds one per document: a seeded soak understated the live heap per run (bench/RESULTS.md, twenty-fifth
     * session).
     */
    private static final long RUN_SPACING_MILLIS = 20;

    private History() {
    }

    /** The value with every date in it {@code millis} earlier. */
    private static Object earlier(Object value, long millis) {
        if (value instanceof Date date) {
            return new Date(date.getTime() - millis);
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            fields.replaceAll((name, inner) -> earlier(inner, millis));
            return fields;
        }
        if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            items.replaceAll(item -> earlier(item, millis));
            return items;
        }
        return value;
    }

    static void seed(String mongoUri, String sampleRunId, int count) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (String databaseName : DATABASES) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collectionName : database.listCollectionNames()) {
                    if (collectionName.startsWith("system.")) {
                        continue;
                    }
                    copy(database.getCollection(collectionName), sampleRunId, count);
                }
            }
        }
    }

    private static void copy(MongoCollection<Document> collection, String runId, int count) {
        List<String> samples = new ArrayList<>();
        // in batches: after a warm-up of thousands of runs one reply holding a whole collection passes the wire's 48 MB
        for (Document document : collection.find().batchSize(1_000)) {
            String json = document.toJson(JsonWriterSettings.builder().build());
            if (json.contains(runId)) {
                samples.add(json);
            }
        }
        if (samples.isEmpty()) {
            return;
        }
        Pattern id = Pattern.compile(Pattern.quote(runId));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String copyId = new ObjectId().toHexString();
            long earlier = (count - i) * RUN_SPACING_MILLIS;
            for (String sample : samples) {
                batch.add((Document) earlier(Document.parse(id.matcher(sample).replaceAll(copyId)), earlier));
            }
            if (batch.size() >= 2000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }
}
