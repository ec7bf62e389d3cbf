package io.reconcraft.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;

/**
 * Seeds a stack with run history: every document that one finished run left in the gateway, the orchestrator and
 * the tool-runner, copied {@code count} times under new run ids. (The audit's records are left out: copies would
 * break its hash chain, and its writes are keyed inserts that history does not slow.)
 */
final class History {

    private static final List<String> DATABASES = List.of("reconcraft-api-gateway", "reconcraft-run-orchestrator",
            "reconcraft-tool-runner");

    private History() {
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
            for (String sample : samples) {
                batch.add(Document.parse(id.matcher(sample).replaceAll(copyId)));
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
