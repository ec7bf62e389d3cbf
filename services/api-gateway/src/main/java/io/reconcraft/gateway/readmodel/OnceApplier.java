package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.stream.JournalState;
import io.reconcraft.gateway.stream.RunEvent;
import io.reconcraft.gateway.stream.RunEventJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies one event to a run document exactly once, and numbers the SSE events it produces, in ONE conditional
 * single-document update: the event id is recorded, the sequence moves from the number read to that number plus
 * the event count (so two writers can never hand out the same number: the loser matches nothing and reads again),
 * and the numbered events are parked in the document until {@link RunEventJournal#store} has copied them.
 */
@Component
class OnceApplier {

    private static final Logger log = LoggerFactory.getLogger(OnceApplier.class);
    private static final int MAX_ATTEMPTS = 5;

    private final ReactiveMongoTemplate mongo;
    private final RunEventJournal journal;

    OnceApplier(ReactiveMongoTemplate mongo, RunEventJournal journal) {
        this.mongo = mongo;
        this.journal = journal;
    }

    /** @param extra a condition the run must meet for the change to apply (null when none) */
    Mono<Boolean> apply(EventEnvelope event, Criteria extra, Supplier<Update> change, List<RunEvent.Draft> drafts) {
        return attempt(event, extra, change, drafts, 1);
    }

    private Mono<Boolean> attempt(EventEnvelope event, Criteria extra, Supplier<Update> change,
            List<RunEvent.Draft> drafts, int attempt) {
        return journal.state(event.runId())
                .flatMap(state -> {
                    long seq = state.eventSeq();
                    List<RunEvent> numbered = new ArrayList<>();
                    for (RunEvent.Draft draft : drafts) {
                        numbered.add(RunEvent.numbered(event.runId(), seq + numbered.size() + 1, draft));
                    }
                    Update update = change.get().push(RunView.APPLIED_EVENT_IDS, event.eventId());
                    if (!numbered.isEmpty()) {
                        update.set(JournalState.EVENT_SEQ, seq + numbered.size())
                                .push(JournalState.PENDING_EVENTS).each(numbered.toArray());
                    }
                    return mongo.updateFirst(Query.query(matching(event, seq, extra)), update, RunView.class)
                            .flatMap(result -> result.getMatchedCount() > 0
                                    ? journal.store(event.runId(), numbered).thenReturn(true)
                                    : notApplied(event, extra, change, drafts, attempt, state));
                })
                .switchIfEmpty(Mono.fromSupplier(() -> unknownRun(event)));
    }

    private Mono<Boolean> notApplied(EventEnvelope event, Criteria extra, Supplier<Update> change,
            List<RunEvent.Draft> drafts, int attempt, JournalState seen) {
        Query applied = Query.query(Criteria.where("_id").is(event.runId()).and(RunView.APPLIED_EVENT_IDS)
                .is(event.eventId()));
        return mongo.exists(applied, RunView.class).flatMap(alreadyApplied -> {
            if (alreadyApplied) {
                log.debug("{} {} was already applied to run {}", event.type(), event.eventId(), event.runId());
                // A redelivery after a crash between the two writes: store what was parked.
                return journal.store(event.runId(), seen.pendingEvents()).thenReturn(false);
            }
            return journal.state(event.runId()).flatMap(now -> {
                if (now.eventSeq() != seen.eventSeq() && attempt < MAX_ATTEMPTS) {
                    return attempt(event, extra, change, drafts, attempt + 1);
                }
                log.debug("{} {} does not apply to run {} in its current state", event.type(), event.eventId(),
                        event.runId());
                return Mono.just(false);
            });
        });
    }

    private static Criteria matching(EventEnvelope event, long seq, Criteria extra) {
        Criteria sequence = seq == 0
                ? new Criteria().orOperator(Criteria.where(JournalState.EVENT_SEQ).is(0L),
                        Criteria.where(JournalState.EVENT_SEQ).exists(false))
                : Criteria.where(JournalState.EVENT_SEQ).is(seq);
        Criteria once = Criteria.where("_id").is(event.runId()).and(RunView.APPLIED_EVENT_IDS).ne(event.eventId());
        return extra == null ? new Criteria().andOperator(once, sequence)
                : new Criteria().andOperator(once, sequence, extra);
    }

    static boolean unknownRun(EventEnvelope event) {
        log.debug("ignoring {} {} for unknown run {}", event.type(), event.eventId(), event.runId());
        return false;
    }
}
