package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The only owner of the {@code steps} collection. */
@Component
public class StepStore {

    private final ReactiveMongoTemplate mongo;

    public StepStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the step unless a later attempt of it is stored already. */
    public Mono<Void> save(StepRecord step) {
        return mongo.findById(step.id(), StepRecord.class)
                .filter(stored -> stored.attempt() > step.attempt())
                .hasElement()
                .flatMap(newer -> newer ? Mono.<Void>empty() : mongo.save(step).then());
    }

    public Flux<StepRecord> ofRun(String runId) {
        return mongo.find(Query.query(where("runId").is(runId)).with(Sort.by("completedAt")), StepRecord.class);
    }

    public Mono<StepRecord> byId(String id) {
        return mongo.findById(id, StepRecord.class);
    }
}
