package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.bulk.BulkWriteResult;
import io.reconcraft.messaging.DuplicateKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.BulkOperations;
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
@RequiredArgsConstructor
public class FindingStore {

    private final ReactiveMongoTemplate mongo;

    /** The stored records of these fingerprints, in one query. */
    public Flux<FindingRecord> byFingerprints(Collection<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(where("fingerprint").in(fingerprints)), FindingRecord.class);
    }

    public Mono<FindingRecord> byId(String id) {
        return mongo.findById(id, FindingRecord.class);
    }

    /** Applies {@code update} when the record still has the version read; false when someone changed it meanwhile. */
    public Mono<Boolean> updateIfUnchanged(FindingRecord read, Update update) {
        return mongo.updateFirst(Query.query(where("_id").is(read.id()).and("version").is(read.version())),
                        update.inc("version", 1), FindingRecord.class)
                .map(result -> result.getMatchedCount() > 0);
    }

    /** Open findings of each tool on any of its targets, in one query. */
    public Flux<FindingRecord> openOf(Map<String, ? extends Collection<String>> targetsByTool) {
        Criteria open = openCriteria(targetsByTool);
        return open == null ? Flux.empty() : mongo.find(Query.query(open), FindingRecord.class);
    }

    private static Criteria openCriteria(Map<String, ? extends Collection<String>> targetsByTool) {
        List<Criteria> byTool = new ArrayList<>();
        targetsByTool.forEach((tool, targets) -> {
            if (!targets.isEmpty()) {
                byTool.add(where("tool").is(tool).and("target").in(targets));
            }
        });
        return byTool.isEmpty() ? null : where("state").is(FindingRecord.OPEN).orOperator(byTool);
    }

    /**
     * Open findings of each tool on any of its targets, as {@code runId} sees them (see {@link #asSeenBy}): what a
     * report of that run previews as resolved.
     */
    public Flux<FindingRecord> openOf(Map<String, ? extends Collection<String>> targetsByTool, String runId) {
        Criteria open = openCriteria(targetsByTool);
        return open == null ? Flux.empty() : mongo.find(asSeenBy(Query.query(open), runId), FindingRecord.class);
    }

    /** Every finding any of these runs saw or resolved, in one query. */
    public Flux<FindingRecord> touchedBy(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(where("history.runId").in(runIds)), FindingRecord.class);
    }

    /**
     * Inserts new records and applies changes in one bulk write. A change with a read record applies only while the
     * record still has the version read (and increments it); one without applies to the record as it is. Answers
     * false when a new record's fingerprint was stored meanwhile or a record changed since it was read: the caller
     * reads again and decides again (what is written is keyed by run, so writing it twice changes nothing).
     */
    public Mono<Boolean> write(List<FindingRecord> inserts, List<Change> changes) {
        if (inserts.isEmpty() && changes.isEmpty()) {
            return Mono.just(true);
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FindingRecord.class);
        if (!inserts.isEmpty()) {
            bulk.insert(inserts);
        }
        for (Change change : changes) {
            Criteria criteria = where("_id").is(change.id());
            Update update = change.update();
            if (change.readVersion() != null) {
                criteria = criteria.and("version").is(change.readVersion());
                update = update.inc("version", 1);
            }
            bulk.updateOne(Query.query(criteria), update);
        }
        return bulk.execute()
                .map(result -> matchedAll(result, changes.size()))
                .onErrorResume(DuplicateKeys::only, e -> Mono.just(false)); // a fingerprint stored meanwhile
    }

    /** @param readVersion the version the change was decided on; null for a change that holds whatever the version */
    public record Change(String id, Long readVersion, Update update) {
    }

    private static boolean matchedAll(BulkWriteResult result, int updates) {
        return result.getMatchedCount() >= updates;
    }

    /** Every finding a run saw or resolved, as that run sees it (see {@link #asSeenBy}). */
    public Flux<FindingRecord> touchedBy(String runId) {
        return mongo.find(asSeenBy(Query.query(where("history.runId").is(runId)), runId), FindingRecord.class);
    }

    public Flux<FindingRecord> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), FindingRecord.class);
    }

    /** These findings as {@code runId} sees them (see {@link #asSeenBy}): what its report lists. */
    public Flux<FindingRecord> byIds(Collection<String> ids, String runId) {
        return mongo.find(asSeenBy(Query.query(where("_id").in(ids)), runId), FindingRecord.class);
    }

    /**
     * Reads every field but, of the history, only {@code runId}'s entry (a run has at most one): all that a run's
     * report or diff asks of it. A history holds an entry for every run that saw or resolved the finding, so reading
     * it whole made each report of a target slower the more runs had covered that target. A record read so has a
     * partial history: it is for reading, never to be written back.
     */
    private static Query asSeenBy(Query query, String runId) {
        query.fields().include(FIELDS_BUT_HISTORY).elemMatch(HISTORY, where("runId").is(runId));
        return query;
    }

    private static final String HISTORY = "history";
    private static final List<String> FIELDS_BUT_HISTORY = java.util.Arrays.stream(FindingRecord.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).filter(name -> !HISTORY.equals(name)).toList();

    public Flux<FindingRecord> find(Criteria criteria, long offset, int limit) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("lastSeenAt"), Sort.Order.asc("_id")))
                .skip(offset).limit(limit);
        return mongo.find(query, FindingRecord.class);
    }

    public Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), FindingRecord.class);
    }

    /**
     * What one or more sightings in a batch do to a stored record: the fields of the newest sighting, every run's
     * history entry, one occurrence per run, the triage reset if a sighting reopened a fixed finding.
     */
    public static Update seen(FindingRecord after, List<FindingRecord.HistoryEntry> entries, boolean resetTriage) {
        Update update = new Update()
                .set("severity", after.severity())
                .set("title", after.title())
                .set("description", after.description())
                .set("service", after.service())
                .set("evidence", after.evidence())
                .set("lastSeenAt", after.lastSeenAt())
                .set("lastRunId", after.lastRunId())
                .set("state", FindingRecord.OPEN)
                .set("lastChange", after.lastChange())
                .inc("occurrences", entries.size())
                .push("history").each(entries.toArray());
        if (resetTriage) {
            update.set("triage", FindingRecord.UNTRIAGED).unset("triagedBy").unset("triagedAt");
        }
        return update;
    }
}
