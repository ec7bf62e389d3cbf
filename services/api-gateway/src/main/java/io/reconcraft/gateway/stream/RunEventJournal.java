package io.reconcraft.gateway.stream;

import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored SSE events of runs. The read model's update numbers an event and parks it in the run document's
 * {@code pendingEvents} in the same single-document write; {@link #store} then copies it to {@code run_events}
 * (idempotent: the id is runId:seq), removes it from the document and hands it to live listeners. A crash between
 * the two writes leaves the event parked, never lost: the next delivery of any event of that run (the redelivery
 * of the same one, typically) stores it, and replays read the parked events too.
 */
@Component
public class RunEventJournal {

    private static final String RUNS = "runs";

    private final ReactiveMongoTemplate mongo;
    private final RunEventListenerRegistry listeners;

    public RunEventJournal(ReactiveMongoTemplate mongo, RunEventListenerRegistry listeners) {
        this.mongo = mongo;
        this.listeners = listeners;
    }

    public Mono<JournalState> state(String runId) {
        Query query = Query.query(Criteria.where("_id").is(runId));
        query.fields().include(JournalState.EVENT_SEQ, JournalState.PENDING_EVENTS, "status");
        return mongo.findOne(query, JournalState.class, RUNS);
    }

    /** Copies numbered events to the journal, clears them from the run document, then delivers them live. */
    public Mono<Void> store(String runId, List<RunEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        long last = events.get(events.size() - 1).seq();
        return Flux.fromIterable(events)
                .concatMap(event -> mongo.insert(event).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(runId)),
                        new Update().pull(JournalState.PENDING_EVENTS, new Document("seq", new Document("$lte", last))),
                        RUNS))
                .doOnSuccess(done -> listeners.deliver(events))
                .then();
    }

    /** Events with a number above {@code seq}, oldest first: what a client that saw {@code seq} has missed. */
    public Flux<RunEvent> after(String runId, long seq) {
        Query query = Query.query(Criteria.where("runId").is(runId).and("seq").gt(seq))
                .with(Sort.by(Sort.Direction.ASC, "seq"));
        return mongo.find(query, RunEvent.class);
    }
}
