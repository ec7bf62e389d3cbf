package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.reconcraft.messaging.DuplicateKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The only owner of the {@code steps} collection. */
@Component
@RequiredArgsConstructor
public class StepStore {

    private final ReactiveMongoTemplate mongo;

    /**
     * Stores each step unless a later attempt of it is stored already or comes later in {@code steps}, in one bulk
     * write: each replacement applies only over an attempt no later than its own, and where a later one is stored,
     * its upsert meets the stored id and is refused as a duplicate, which is the answer. Only the listener of the
     * run's partition writes a run's steps.
     */
    public Mono<Void> saveAll(List<StepRecord> steps) {
        Map<String, StepRecord> newest = new LinkedHashMap<>();
        for (StepRecord step : steps) {
            StepRecord known = newest.get(step.id());
            if (known == null || known.attempt() <= step.attempt()) {
                newest.put(step.id(), step);
            }
        }
        if (newest.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StepRecord.class);
        newest.values().forEach(step -> bulk.replaceOne(
                Query.query(where("_id").is(step.id()).and("attempt").lte(step.attempt())), step,
                FindAndReplaceOptions.options().upsert()));
        // a duplicate key here is a later attempt stored already: the upsert's guard did not match it
        return bulk.execute().then().onErrorResume(DuplicateKeys::only, e -> Mono.empty());
    }

    /** The steps of these runs, each run's in the order they completed, in one query. */
    public Mono<Map<String, List<StepRecord>>> ofRuns(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(where("runId").in(runIds)).with(Sort.by("completedAt")), StepRecord.class)
                .collect(LinkedHashMap::new, (Map<String, List<StepRecord>> byRun, StepRecord step) ->
                        byRun.computeIfAbsent(step.runId(), id -> new ArrayList<>()).add(step));
    }

    public Flux<StepRecord> ofRun(String runId) {
        return mongo.find(Query.query(where("runId").is(runId)).with(Sort.by("completedAt")), StepRecord.class);
    }

    /** How many of these steps are stored. */
    public Mono<Long> countOf(Collection<String> ids) {
        return mongo.count(Query.query(where("_id").in(ids)), StepRecord.class);
    }

    public Mono<StepRecord> byId(String id) {
        return mongo.findById(id, StepRecord.class);
    }
}
