package io.reconcraft.audit.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Duration;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only collection {@code audit_events}, keyed by event id. There is deliberately no update
 * or delete here: a record, once stored, is only ever read.
 */
@Component
public class AuditStore {

    public static final String COLLECTION = "audit_events";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    public AuditStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Inserts through the driver, not the mapping layer: payloads are free-form and may hold keys the
     * mapping layer refuses. False when a record with this event id already exists.
     */
    public boolean insertOnce(Document record) {
        return Boolean.TRUE.equals(Mono.from(mongo.getCollection(COLLECTION).block(TIMEOUT).insertOne(record))
                .thenReturn(true)
                .onErrorResume(AuditStore::isDuplicateKey, e -> Mono.just(false))
                .block(TIMEOUT));
    }

    public Flux<Document> findByRun(String runId, int limit) {
        return mongo.find(query(runId).with(Sort.by("occurredAt", "_id")).limit(limit), Document.class, COLLECTION);
    }

    public Mono<Long> countByRun(String runId) {
        return mongo.count(query(runId), COLLECTION);
    }

    private static Query query(String runId) {
        return runId == null ? new Query() : Query.query(where("runId").is(runId));
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
