package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The only owner of the {@code timeline} collection. */
@Component
public class TimelineStore {

    private final ReactiveMongoTemplate mongo;

    public TimelineStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> save(TimelineRecord entry) {
        return mongo.save(entry).then();
    }

    public Flux<TimelineRecord> ofRun(String runId) {
        return mongo.find(Query.query(where("runId").is(runId)).with(Sort.by("at", "_id")), TimelineRecord.class);
    }
}
