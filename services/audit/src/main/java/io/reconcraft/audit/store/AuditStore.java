package io.reconcraft.audit.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only collection {@code audit_events}, keyed by event id, with a unique {@code sequence}.
 * There is deliberately no update or delete here: a record, once stored, is only ever read (records
 * leave only through the retention TTL index).
 */
@Component
public class AuditStore {

    public static final String COLLECTION = "audit_events";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    public AuditStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        // sparse: records stored before the chain existed have no sequence, and stay readable.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("sequence", Sort.Direction.ASC).unique().sparse()
                .named("sequence_unique")).block(TIMEOUT);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("runId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.ASC)
                .named("runId_occurredAt")).block(TIMEOUT);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("occurredAt", Sort.Direction.ASC).named("occurredAt"))
                .block(TIMEOUT);
    }

    public enum InsertResult { STORED, DUPLICATE_KEY }

    /**
     * Inserts through the driver, not the mapping layer: payloads are free-form and may hold keys the
     * mapping layer refuses. DUPLICATE_KEY when the event id or the sequence is taken already.
     */
    public InsertResult insert(Document record) {
        return Mono.from(mongo.getCollection(COLLECTION).block(TIMEOUT).insertOne(record))
                .thenReturn(InsertResult.STORED)
                .onErrorResume(AuditStore::isDuplicateKey, e -> Mono.just(InsertResult.DUPLICATE_KEY))
                .block(TIMEOUT);
    }

    public boolean exists(String eventId) {
        return Boolean.TRUE.equals(mongo.exists(Query.query(where("_id").is(eventId)), COLLECTION).block(TIMEOUT));
    }

    /** The record with the highest sequence: the head of the chain. */
    public Optional<Document> last() {
        Query query = Query.query(where("sequence").exists(true)).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION).block(TIMEOUT));
    }

    /** Every chained record, oldest first. */
    public Flux<Document> inSequence() {
        return mongo.find(Query.query(where("sequence").exists(true)).with(Sort.by("sequence")), Document.class, COLLECTION);
    }

    public Flux<Document> find(Query query) {
        return mongo.find(query, Document.class, COLLECTION);
    }

    public Mono<Long> count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), COLLECTION);
    }

    private static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
