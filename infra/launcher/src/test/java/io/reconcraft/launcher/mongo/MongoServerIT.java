package io.reconcraft.launcher.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.reconcraft.launcher.stack.Ports;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MongoServerIT {

    @TempDir
    Path home;

    @Test
    void givenDocumentWritten_whenServerRestarts_thenDocumentIsStillThere() {
        Path file = home.resolve("mongo/reconcraft.mv");
        int port = Ports.free().mongo();
        try (MongoServer server = new MongoServer(file, port)) {
            server.start();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                workflows(client).insertOne(new Document("_id", "wf-1").append("name", "demo"));
            }
        }
        assertThat(file).exists();

        try (MongoServer server = new MongoServer(file, port)) {
            server.start();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                Document found = workflows(client).find(new Document("_id", "wf-1")).first();

                assertThat(found).isNotNull();
                assertThat(found.getString("name")).isEqualTo("demo");
            }
        }
    }

    @Test
    void givenStartedServer_whenClosedTwice_thenSecondCloseIsHarmless() {
        MongoServer server = new MongoServer(home.resolve("m.mv"), Ports.free().mongo());
        server.start();

        server.close();
        server.close();

        assertThat(server.isRunning()).isFalse();
    }

    private static MongoCollection<Document> workflows(MongoClient client) {
        return client.getDatabase("reconcraft").getCollection("workflows");
    }
}
