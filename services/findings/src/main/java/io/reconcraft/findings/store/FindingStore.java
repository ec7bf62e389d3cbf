package io.reconcraft.findings.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.bulk.BulkWriteResult;
import io.reconcraft.messaging.DuplicateKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The only owner of the {@code findings} collection and of the findings' history beside it ({@link HistoryRecord}).
 * Every change is conditional on the version that was read. Every read carries the history entries its caller asks
 * about — of the runs it names, or all of them for one finding — and never more, so that what a run reads does not
 * grow with the runs before it.
 */
@Component
@RequiredArgsConstructor
public class FindingStore {

    private static final String RECENT_HISTORY = "recentHistory";

    private final ReactiveMongoTemplate mongo;

    /**
     * The stored records of these fingerprints, each with the history entries of the runs that saw it (as given: the
     * runs by fingerprint), in one round trip.
     */
    public Flux<FindingRecord> byFingerprints(Map<String, ? extends Collection<String>> runIdsByFingerprint) {
        if (runIdsByFingerprint.isEmpty()) {
            return Flux.empty();
        }
        List<String> entryIds = new ArrayList<>();
        Set<String> runIds = new LinkedHashSet<>();
        runIdsByFingerprint.forEach((fingerprint, runs) -> runs.forEach(runId -> {
            entryIds.add(HistoryRecord.idOf(fingerprint, runId));
            runIds.add(runId);
        }));
        return withEntries(mongo.find(Query.query(where("fingerprint").in(runIdsByFingerprint.keySet())),
                FindingRecord.class), filed(where("_id").in(entryIds)), runIds);
    }

    /** The record with its whole history. */
    public Mono<FindingRecord> byId(String id) {
        return Mono.zip(mongo.findById(id, FindingRecord.class), filed(where("findingId").is(id)))
                .map(read -> withEntries(read.getT1(), read.getT2(), null));
    }

    /** Applies {@code update} when the record still has the version read; false when someone changed it meanwhile. */
    public Mono<Boolean> updateIfUnchanged(FindingRecord read, Update update) {
        return mongo.updateFirst(Query.query(where("_id").is(read.id()).and("version").is(read.version())),
                        update.inc("version", 1), FindingRecord.class)
                .map(result -> result.getMatchedCount() > 0);
    }

    /**
     * What runs' ends decide on: the open findings of each tool on any of its targets, and every finding any of these
     * runs saw or resolved, each with these runs' history entries — in one round trip, two when some finding the runs
     * touched has changed since (and is no longer open).
     */
    public Flux<FindingRecord> candidatesOf(Map<String, ? extends Collection<String>> targetsByTool,
                                            Collection<String> runIds) {
        Criteria recent = where(RECENT_HISTORY + ".runId").in(runIds);
        Criteria open = openCriteria(targetsByTool);
        Criteria criteria = open == null ? recent : new Criteria().orOperator(open, recent);
        return Mono.zip(mongo.find(Query.query(criteria), FindingRecord.class).collectList(),
                        filed(where("runId").in(runIds)))
                .flatMapMany(read -> {
                    Set<String> found = new HashSet<>();
                    read.getT1().forEach(record -> found.add(record.id()));
                    Set<String> missing = new LinkedHashSet<>();
                    read.getT2().forEach(entry -> {
                        if (!found.contains(entry.findingId())) {
                            missing.add(entry.findingId());
                        }
                    });
                    Flux<FindingRecord> records = missing.isEmpty() ? Flux.fromIterable(read.getT1())
                            : Flux.fromIterable(read.getT1()).concatWith(byIds(missing));
                    return withEntries(records, Mono.just(read.getT2()), runIds);
                });
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

    /** Every finding any of these runs saw or resolved, each with these runs' history entries. */
    public Flux<FindingRecord> touchedBy(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Flux.empty();
        }
        return candidatesOf(Map.of(), runIds);
    }

    /** Every finding a run saw or resolved, with that run's history entry: its diff. */
    public Flux<FindingRecord> touchedBy(String runId) {
        return touchedBy(List.of(runId));
    }

    /**
     * Inserts new records and applies changes in one bulk write. A change with a read record applies only while the
     * record still has the version read (and increments it); one without applies to the record as it is. Answers
     * false when a new record's fingerprint was stored meanwhile or a record changed since it was read: the caller
     * reads again and decides again (what is written is keyed by run, so writing it twice changes nothing).
     *
     * <p>A change that adds history entries makes them the record's recent history and files the entries that were
     * recent before — first, so that an entry is always either on its record or filed: a process that stops between
     * the two writes loses nothing, and filing an entry twice is filing it once.
     */
    public Mono<Boolean> write(List<FindingRecord> inserts, List<Change> changes) {
        if (inserts.isEmpty() && changes.isEmpty()) {
            return Mono.just(true);
        }
        List<HistoryRecord> toFile = changes.stream().flatMap(change -> change.toFile().stream()).toList();
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FindingRecord.class);
        if (!inserts.isEmpty()) {
            bulk.insert(inserts.stream().map(FindingRecord::asStored).toList());
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
        return file(toFile).then(bulk.execute()
                .map(result -> matchedAll(result, changes.size()))
                .onErrorResume(DuplicateKeys::only, e -> Mono.just(false))); // a fingerprint stored meanwhile
    }

    /**
     * @param readVersion the version the change was decided on; null for a change that holds whatever the version
     * @param toFile      the history entries the change moves off its record, filed before it is applied
     */
    public record Change(String id, Long readVersion, Update update, List<HistoryRecord> toFile) {

        public Change(String id, Long readVersion, Update update) {
            this(id, readVersion, update, List.of());
        }

        /**
         * {@code update} of the record as read, adding {@code entries} to its history: they become its recent history,
         * and the entries recent until now are filed.
         */
        public static Change recording(FindingRecord read, List<FindingRecord.HistoryEntry> entries, Update update) {
            int filedBefore = read.historySize() - read.recentHistory().size();
            List<HistoryRecord> toFile = new ArrayList<>();
            for (int i = 0; i < read.recentHistory().size(); i++) {
                toFile.add(HistoryRecord.of(read, read.recentHistory().get(i), filedBefore + i));
            }
            update.set(RECENT_HISTORY, entries).inc("historySize", entries.size());
            return new Change(read.id(), read.version(), update, toFile);
        }
    }

    private Mono<Void> file(List<HistoryRecord> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HistoryRecord.class).insert(entries).execute()
                .then()
                .onErrorResume(DuplicateKeys::only, e -> Mono.empty()); // filed already (a retry, another writer)
    }

    private static boolean matchedAll(BulkWriteResult result, int updates) {
        return result.getMatchedCount() >= updates;
    }

    public Flux<FindingRecord> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), FindingRecord.class);
    }

    /** These findings, each with {@code runId}'s history entry: what its report lists. */
    public Flux<FindingRecord> byIds(Collection<String> ids, String runId) {
        return withEntries(byIds(ids), filed(where("runId").is(runId).and("findingId").in(ids)), List.of(runId));
    }

    private Mono<List<HistoryRecord>> filed(Criteria criteria) {
        return mongo.find(Query.query(criteria), HistoryRecord.class).collectList();
    }

    private static Flux<FindingRecord> withEntries(Flux<FindingRecord> records, Mono<List<HistoryRecord>> filed,
                                                   Collection<String> runIds) {
        return Mono.zip(records.collectList(), filed)
                .flatMapMany(read -> Flux.fromIterable(read.getT1())
                        .map(record -> withEntries(record, read.getT2(), runIds)));
    }

    /**
     * The record carrying its history entries of these runs (all, when null): the filed ones in their order, then its
     * recent ones. An entry filed by a change that then found the record changed is also still recent: once.
     */
    private static FindingRecord withEntries(FindingRecord record, List<HistoryRecord> filed, Collection<String> runIds) {
        List<HistoryRecord> own = filed.stream().filter(entry -> record.id().equals(entry.findingId()))
                .sorted(Comparator.comparingInt(HistoryRecord::seq)).toList();
        Map<String, FindingRecord.HistoryEntry> byRun = new LinkedHashMap<>();
        own.forEach(entry -> byRun.put(entry.runId(), entry.entry()));
        record.recentHistory().forEach(entry -> byRun.putIfAbsent(entry.runId(), entry));
        List<FindingRecord.HistoryEntry> entries = byRun.values().stream()
                .filter(entry -> runIds == null || runIds.contains(entry.runId())).toList();
        return record.withHistory(entries);
    }

    public Flux<FindingRecord> find(Criteria criteria, long offset, int limit) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("lastSeenAt"), Sort.Order.asc("_id")))
                .skip(offset).limit(limit);
        return mongo.find(query, FindingRecord.class);
    }

    public Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), FindingRecord.class);
    }

    /**
     * What one or more sightings in a batch do to a stored record: the fields of the newest sighting, one occurrence
     * per run, the triage reset if a sighting reopened a fixed finding. The runs' history entries are added by
     * {@link Change#recording}.
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
                .inc("occurrences", entries.size());
        if (resetTriage) {
            update.set("triage", FindingRecord.UNTRIAGED).unset("triagedBy").unset("triagedAt");
        }
        return update;
    }
}
