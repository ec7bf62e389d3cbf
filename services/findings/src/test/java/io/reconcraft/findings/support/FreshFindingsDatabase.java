package io.reconcraft.findings.support;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * A database of its own on the tests' MongoDB-wire server, with the findings' unique fingerprint index the service
 * makes at start (the stores rely on it to refuse a second record of one fingerprint).
 */
public final class FreshFindingsDatabase implements AutoCloseable {

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo;

    public FreshFindingsDatabase(String prefix) {
        mongo = new ReactiveMongoTemplate(client, prefix + "-" + UUID.randomUUID());
        mongo.indexOps(FindingRecord.class).createIndex(new Index("fingerprint", Sort.Direction.ASC).unique())
                .block(Duration.ofSeconds(30));
    }

    public ReactiveMongoTemplate mongo() {
        return mongo;
    }

    @Override
    public void close() {
        client.close();
    }
}
