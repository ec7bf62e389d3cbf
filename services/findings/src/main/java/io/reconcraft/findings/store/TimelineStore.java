package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The only owner of the {@code timeline} collection. */
@Component
@RequiredArgsConstructor
public class TimelineStore {

    private final ReactiveMongoTemplate mongo;

    public Mono<Void> save(TimelineRecord entry) {
        return mongo.save(entry).then();
    }

    /** One bulk write; an entry of a redelivered event replaces itself. */
    public Mono<Void> saveAll(List<TimelineRecord> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TimelineRecord.class);
        entries.forEach(entry -> bulk.replaceOne(Query.query(where("_id").is(entry.eventId())), entry,
                FindAndReplaceOptions.options().upsert()));
        return bulk.execute().then();
    }

    public Flux<TimelineRecord> ofRun(String runId) {
        return mongo.find(Query.query(where("runId").is(runId)).with(Sort.by("at", "_id")), TimelineRecord.class);
    }
}
