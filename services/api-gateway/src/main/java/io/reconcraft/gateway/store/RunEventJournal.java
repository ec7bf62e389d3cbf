package io.reconcraft.gateway.store;

import com.mongodb.client.model.InsertManyOptions;
import io.reconcraft.gateway.stream.RunEvent;
import io.reconcraft.messaging.DuplicateKeys;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored SSE events of runs, numbered per run. The read model stores a batch's events BEFORE it writes the
 * runs they belong to, and numbers them from the run's stored sequence: a crash between the two writes makes the
 * redelivered batch number the same events the same way, and the copies already stored are kept as they are.
 */
@Component
@RequiredArgsConstructor
public class RunEventJournal {

    private final ReactiveMongoTemplate mongo;
    private final RunStore runs;

    /** Stores the events in one unordered insert; an event stored before (same run and number) stays as it is. */
    public Mono<Void> store(List<RunEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        List<Document> documents = new ArrayList<>(events.size());
        for (RunEvent event : events) {
            Document document = new Document();
            mongo.getConverter().write(event, document);
            documents.add(document);
        }
        return mongo.getCollection(RunEvent.COLLECTION)
                .flatMap(collection -> Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false))))
                .onErrorResume(DuplicateKeys::only, e -> Mono.empty())
                .then();
    }

    /** Events with a number above {@code seq}, oldest first: what a client that saw {@code seq} has missed. */
    public Flux<RunEvent> after(String runId, long seq) {
        return events(Criteria.where("runId").is(runId).and("seq").gt(seq));
    }

    /** As {@link #after(String, long)}, up to number {@code upTo} (included). */
    public Flux<RunEvent> between(String runId, long seq, long upTo) {
        return events(Criteria.where("runId").is(runId).and("seq").gt(seq).lte(upTo));
    }

    private Flux<RunEvent> events(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.ASC, "seq")), RunEvent.class);
    }

    /** Whether the run has ended and its view's last event number (empty when there is no such run). */
    public Mono<RunProgress> progress(String runId) {
        return runs.progress(runId);
    }
}
