package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The only owner of the {@code findings} collection. Every change is conditional on the version that was read. */
@Component
public class FindingStore {

    private final ReactiveMongoTemplate mongo;

    public FindingStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<FindingRecord> byFingerprint(String fingerprint) {
        return mongo.findOne(Query.query(where("fingerprint").is(fingerprint)), FindingRecord.class);
    }

    public Mono<FindingRecord> byId(String id) {
        return mongo.findById(id, FindingRecord.class);
    }

    /** Fails with a DuplicateKeyException when another writer stored the fingerprint first. */
    public Mono<FindingRecord> insert(FindingRecord record) {
        return mongo.insert(record);
    }

    /** Applies {@code update} when the record still has the version read; false when someone changed it meanwhile. */
    public Mono<Boolean> updateIfUnchanged(FindingRecord read, Update update) {
        return updateIfUnchanged(read, null, update);
    }

    public Mono<Boolean> updateIfUnchanged(FindingRecord read, Criteria extra, Update update) {
        Criteria criteria = where("_id").is(read.id()).and("version").is(read.version());
        if (extra != null) {
            criteria = new Criteria().andOperator(criteria, extra);
        }
        return mongo.updateFirst(Query.query(criteria), update.inc("version", 1), FindingRecord.class)
                .map(result -> result.getMatchedCount() > 0);
    }

    public Mono<Void> addWorkflow(Collection<String> ids, String workflowId) {
        if (ids.isEmpty() || workflowId == null) {
            return Mono.empty();
        }
        return mongo.updateMulti(Query.query(where("_id").in(ids)), new Update().addToSet("workflowIds", workflowId),
                FindingRecord.class).then();
    }

    /** Open findings of {@code tool} on any of {@code targets}: what a run of that tool on those targets could resolve. */
    public Flux<FindingRecord> openOf(String tool, Collection<String> targets) {
        return mongo.find(Query.query(where("state").is(FindingRecord.OPEN).and("tool").is(tool)
                .and("target").in(targets)), FindingRecord.class);
    }

    /** Every finding a run saw or resolved. */
    public Flux<FindingRecord> touchedBy(String runId) {
        return mongo.find(Query.query(where("history.runId").is(runId)), FindingRecord.class);
    }

    public Flux<FindingRecord> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), FindingRecord.class);
    }

    public Flux<FindingRecord> find(Criteria criteria, long offset, int limit) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("lastSeenAt"), Sort.Order.asc("_id")))
                .skip(offset).limit(limit);
        return mongo.find(query, FindingRecord.class);
    }

    public Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), FindingRecord.class);
    }

    public static Update seen(FindingRecord fresh, String runId, Instant at, String change, boolean resetTriage) {
        Update update = new Update()
                .set("severity", fresh.severity())
                .set("title", fresh.title())
                .set("description", fresh.description())
                .set("service", fresh.service())
                .set("evidence", fresh.evidence())
                .set("lastSeenAt", at)
                .set("lastRunId", runId)
                .set("state", FindingRecord.OPEN)
                .set("lastChange", change)
                .inc("occurrences", 1)
                .push("history", new FindingRecord.HistoryEntry(runId, at, change));
        if (resetTriage) {
            update.set("triage", FindingRecord.UNTRIAGED).unset("triagedBy").unset("triagedAt");
        }
        return update;
    }
}
