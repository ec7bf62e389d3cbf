package io.reconcraft.audit.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
 * There is deliberately no update here, and one delete: retention removes the oldest records, after moving
 * the signed anchor past them (see Retention).
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

    /**
     * Inserts the records in one ordered bulk write, through the driver, not the mapping layer: payloads are
     * free-form. Fails (and stops at the first refused record) when an event id or a sequence is taken already.
     */
    public void insertAll(List<Document> records) {
        Mono.from(mongo.getCollection(COLLECTION).block(TIMEOUT).insertMany(records, new InsertManyOptions().ordered(true)))
                .block(TIMEOUT);
    }

    /**
     * How many of the first records given to a refused {@link #insertAll} were stored: those before the refused one,
     * as the driver reports it; none when the failure says nothing about single records (then the next try's query
     * for stored ids finds them, counted as seen before).
     */
    public static int storedBefore(RuntimeException refusal, int attempted) {
        for (Throwable e = refusal; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
                int first = bulk.getWriteErrors().stream().mapToInt(BulkWriteError::getIndex).min().orElseThrow();
                return Math.min(first, attempted);
            }
        }
        return 0;
    }

    /** Which of {@code eventIds} are stored already: one query for a whole batch. */
    public Set<String> existingIds(Collection<String> eventIds) {
        Query query = Query.query(where("_id").in(eventIds));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).map(d -> d.getString("_id"))
                .collect(Collectors.toSet()).block(TIMEOUT);
    }

    /** The record with the highest sequence: the head of the chain. */
    public Optional<Document> last() {
        return edge(Sort.Direction.DESC);
    }

    /** The record with the lowest sequence: where the stored chain begins. */
    public Optional<Document> first() {
        return edge(Sort.Direction.ASC);
    }

    private Optional<Document> edge(Sort.Direction direction) {
        Query query = Query.query(where("sequence").exists(true)).with(Sort.by(direction, "sequence")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION).block(TIMEOUT));
    }

    /** Chained records with a sequence above {@code after}, oldest first. */
    public Flux<Document> inSequenceAfter(long after) {
        return mongo.find(Query.query(where("sequence").gt(after)).with(Sort.by("sequence")), Document.class, COLLECTION);
    }

    /** The newest chained record received before {@code cutoff}. */
    public Optional<Document> lastReceivedBefore(Date cutoff) {
        Query query = Query.query(where("sequence").exists(true).and("receivedAt").lt(cutoff))
                .with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION).block(TIMEOUT));
    }

    public Optional<Document> bySequence(long sequence) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("sequence").is(sequence)), Document.class, COLLECTION)
                .block(TIMEOUT));
    }

    /**
     * Retention only: removes the chained records below {@code sequence}. The one deletion there is, and only
     * ever of the oldest records, after the anchor was moved past them.
     */
    public long deleteBefore(long sequence) {
        return mongo.remove(Query.query(where("sequence").lt(sequence)), COLLECTION).block(TIMEOUT).getDeletedCount();
    }

    /** Drops the collection's index named {@code name} if there is one; whether there was. */
    public boolean dropIndexIfPresent(String name) {
        var indexes = mongo.indexOps(COLLECTION);
        if (Boolean.TRUE.equals(indexes.getIndexInfo().any(info -> name.equals(info.getName())).block(TIMEOUT))) {
            indexes.dropIndex(name).block(TIMEOUT);
            return true;
        }
        return false;
    }

    public Flux<Document> find(Query query) {
        return mongo.find(query, Document.class, COLLECTION);
    }

    public Mono<Long> count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), COLLECTION);
    }
}
