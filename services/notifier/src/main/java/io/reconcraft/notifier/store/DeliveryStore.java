package io.reconcraft.notifier.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.reconcraft.notifier.delivery.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code deliveries} collection. Every change is a single-document atomic update; changes made while
 * a delivery is claimed carry the claim's token, so an instance whose lease ran out cannot overwrite the
 * work of the instance that took over (or a cancellation).
 */
@Component
public class DeliveryStore {

    public static final String COLLECTION = "deliveries";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    public DeliveryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC))
                .block(TIMEOUT);
    }

    /** False when a delivery with this id (idempotency key) exists already: a redelivered request. */
    public boolean create(Delivery delivery) {
        try {
            mongo.insert(DeliveryDocuments.toDocument(delivery), COLLECTION).block(TIMEOUT);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The most overdue delivery that has work left, now held by {@code token} until {@code now + lease}. */
    public Optional<Delivery> claimNextDue(Instant now, Duration lease, String worker, String token) {
        Query due = Query.query(where("status").in(Delivery.Status.AWAITING_FINDINGS.name(),
                        Delivery.Status.PENDING.name(), Delivery.Status.REPORTING.name())
                .and("dueAt").lte(Date.from(now))).with(Sort.by("dueAt"));
        Update claim = new Update().set("dueAt", Date.from(now.plus(lease))).set("claimedBy", worker).set("claimToken", token);
        Document claimed = mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION).block(TIMEOUT);
        return Optional.ofNullable(claimed).map(DeliveryDocuments::fromDocument);
    }

    public static String newToken() {
        return UUID.randomUUID().toString();
    }

    public boolean markStarted(String id, String token) {
        return update(held(id, token), new Update().set("startedReported", true));
    }

    /** After a failed attempt that is worth repeating: released, due again at {@code at}. */
    public boolean reschedule(String id, String token, int attempts, Instant at, String lastError, int httpStatus) {
        return update(held(id, token), new Update().set("attempts", attempts).set("dueAt", Date.from(at))
                .set("lastError", lastError).set("httpStatus", httpStatus).unset("claimToken"));
    }

    /** An awaiting onlyNew step's upstream findings are sorted: its message is known, attempts can start. */
    public boolean ready(String id, String token, String body, String message) {
        Query query = held(id, token).addCriteria(where("status").is(Delivery.Status.AWAITING_FINDINGS.name()));
        return update(query, new Update().set("status", Delivery.Status.PENDING.name()).set("body", body)
                .set("message", message));
    }

    /** An awaiting onlyNew step looks again at {@code at} (or earlier, when {@link #wakeAwaiting} is called). */
    public boolean release(String id, String token, Instant at) {
        return update(held(id, token), new Update().set("dueAt", Date.from(at)).unset("claimToken"));
    }

    /** Something the run's awaiting onlyNew steps wait for has arrived: they are due now (unless claimed). */
    public boolean wakeAwaiting(String runId, Instant now) {
        return wakeAwaiting(List.of(runId), now);
    }

    /** {@link #wakeAwaiting(String, Instant)} for several runs in one update. */
    public boolean wakeAwaiting(Collection<String> runIds, Instant now) {
        Query awaiting = Query.query(where("runId").in(runIds).and("status").is(Delivery.Status.AWAITING_FINDINGS.name())
                .and("claimToken").exists(false));
        return mongo.updateMulti(awaiting, new Update().set("dueAt", Date.from(now)), COLLECTION).block(TIMEOUT)
                .getModifiedCount() > 0;
    }

    public boolean decide(String id, String token, Delivery decided) {
        Query query = held(id, token).addCriteria(where("status").in(Delivery.Status.PENDING.name(),
                Delivery.Status.AWAITING_FINDINGS.name()));
        return update(query, new Update().set("status", Delivery.Status.REPORTING.name()).set("message", decided.message())
                .set("attempts", decided.attempts()).set("lastError", decided.lastError())
                .set("httpStatus", decided.httpStatus()).set("outcome", DeliveryDocuments.outcome(decided.outcome())));
    }

    public boolean markDone(String id, String token) {
        return update(held(id, token), new Update().set("status", Delivery.Status.DONE.name()).set("doneAt", new Date())
                .unset("claimToken"));
    }

    /** A pending delivery becomes a cancelled one, to be reported at once; false when it was already decided. */
    public boolean cancel(String id, Delivery.Outcome cancelled, Instant now) {
        Query pending = Query.query(where("_id").is(id).and("status").in(Delivery.Status.PENDING.name(),
                Delivery.Status.AWAITING_FINDINGS.name()));
        return update(pending, new Update().set("status", Delivery.Status.REPORTING.name()).set("dueAt", Date.from(now))
                .set("lastError", cancelled.error()).set("outcome", DeliveryDocuments.outcome(cancelled))
                .unset("claimToken"));
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION).block(TIMEOUT))
                .map(DeliveryDocuments::fromDocument);
    }

    public List<Delivery> findByRun(String runId) {
        return mongo.find(Query.query(where("runId").is(runId)), Document.class, COLLECTION)
                .map(DeliveryDocuments::fromDocument).collectList().block(TIMEOUT);
    }

    private static Query held(String id, String token) {
        return Query.query(where("_id").is(id).and("claimToken").is(token));
    }

    private boolean update(Query query, Update update) {
        return mongo.updateFirst(query, update, COLLECTION).block(TIMEOUT).getModifiedCount() > 0;
    }
}
