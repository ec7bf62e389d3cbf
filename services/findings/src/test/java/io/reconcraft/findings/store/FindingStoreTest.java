package io.reconcraft.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.findings.support.FreshFindingsDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** The findings' one bulk write per batch and their history beside them, on the MongoDB-wire server the tests use. */
class FindingStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final FreshFindingsDatabase database = new FreshFindingsDatabase("finding-store");
    private final ReactiveMongoTemplate mongo = database.mongo();
    private final FindingStore store = new FindingStore(mongo);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void givenNewRecordsAndChangesOnTheVersionsRead_whenWritten_thenAllApplyInOneWriteAndVersionsMoveOn() {
        FindingRecord stored = stored("fp-stored");

        boolean written = Boolean.TRUE.equals(store.write(List.of(record("fp-new")),
                List.of(seenBy(stored, "run-2"))).block(TIMEOUT));

        assertThat(written).isTrue();
        FindingRecord after = store.byId(stored.id()).block(TIMEOUT);
        assertThat(after.version()).isEqualTo(stored.version() + 1);
        assertThat(after.occurrences()).isEqualTo(2);
        assertThat(after.history()).extracting(FindingRecord.HistoryEntry::runId).containsExactly("run-1", "run-2");
        assertThat(store.byFingerprints(Map.of("fp-new", List.of())).collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void givenARecordChangedSinceItWasRead_whenWritten_thenTheWriteSaysSoAndLeavesItAsTheOtherWriterDid() {
        FindingRecord read = stored("fp-raced");
        store.write(List.of(), List.of(seenBy(read, "run-other"))).block(TIMEOUT);

        Boolean written = store.write(List.of(), List.of(seenBy(read, "run-2"))).block(TIMEOUT);

        assertThat(written).isFalse();
        assertThat(store.byId(read.id()).block(TIMEOUT).history()).extracting(FindingRecord.HistoryEntry::runId)
                .containsExactly("run-1", "run-other");
    }

    @Test
    void givenAFingerprintStoredMeanwhile_whenANewRecordOfItIsWritten_thenTheWriteSaysSoAndTheRestIsWritten() {
        stored("fp-taken");

        Boolean written = store.write(List.of(record("fp-taken"), record("fp-free")), List.of()).block(TIMEOUT);

        assertThat(written).isFalse();
        assertThat(store.byFingerprints(Map.of("fp-taken", List.of(), "fp-free", List.of())).collectList().block(TIMEOUT))
                .hasSize(2);
    }

    @Test
    void givenARecordWithRecentEntries_whenAChangeAddsEntries_thenTheRecentOnesAreFiledAndTheWholeHistoryReadsInOrder() {
        FindingRecord stored = stored("fp-filed");

        store.write(List.of(), List.of(seenBy(stored, "run-2"))).block(TIMEOUT);

        FindingRecord after = mongo.findById(stored.id(), FindingRecord.class).block(TIMEOUT);
        assertThat(after.recentHistory()).extracting(FindingRecord.HistoryEntry::runId).containsExactly("run-2");
        assertThat(after.historySize()).isEqualTo(2);
        assertThat(mongo.findAll(HistoryRecord.class).collectList().block(TIMEOUT)).singleElement()
                .isEqualTo(new HistoryRecord(HistoryRecord.idOf("fp-filed", "run-1"), stored.id(), "run-1", AT, "new", 0));
        assertThat(store.byId(stored.id()).block(TIMEOUT).history()).containsExactly(
                new FindingRecord.HistoryEntry("run-1", AT, "new"),
                new FindingRecord.HistoryEntry("run-2", AT, "unchanged"));
    }

    @Test
    void givenAChangeThatFiledTheRecentEntriesAndThenFoundTheRecordChanged_whenTheHistoryIsRead_thenEachEntryIsThereOnce() {
        FindingRecord read = stored("fp-triaged-meanwhile");
        store.updateIfUnchanged(read, new Update().set("triage", "confirmed")).block(TIMEOUT);

        Boolean written = store.write(List.of(), List.of(seenBy(read, "run-2"))).block(TIMEOUT);

        assertThat(written).isFalse();
        assertThat(mongo.findAll(HistoryRecord.class).collectList().block(TIMEOUT)).hasSize(1);
        assertThat(store.byId(read.id()).block(TIMEOUT).history()).extracting(FindingRecord.HistoryEntry::runId)
                .containsExactly("run-1");
    }

    @Test
    void givenARecordSeenByManyRuns_whenReadAsOneRunSeesIt_thenItCarriesEveryFieldButOnlyThatRunsHistoryEntry() {
        FindingRecord stored = stored("fp-long-history");
        store.write(List.of(), List.of(seenBy(stored, "run-2"))).block(TIMEOUT);
        FindingRecord second = store.byId(stored.id()).block(TIMEOUT);
        store.write(List.of(), List.of(seenBy(second, "run-3"))).block(TIMEOUT);
        FindingRecord last = store.byId(stored.id()).block(TIMEOUT);

        List<FindingRecord> filed = store.touchedBy("run-2").collectList().block(TIMEOUT);
        List<FindingRecord> recent = store.touchedBy("run-3").collectList().block(TIMEOUT);
        List<FindingRecord> listed = store.byIds(List.of(stored.id()), "run-2").collectList().block(TIMEOUT);

        assertThat(filed).singleElement().usingRecursiveComparison().ignoringFields("history").isEqualTo(last);
        assertThat(filed.get(0).history()).containsExactly(new FindingRecord.HistoryEntry("run-2", AT, "unchanged"));
        assertThat(recent).singleElement().extracting(FindingRecord::history).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).extracting("runId").containsExactly("run-3");
        assertThat(listed).singleElement().extracting(FindingRecord::history).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).extracting("runId").containsExactly("run-2");
    }

    @Test
    void givenAnOpenRecordARunDidNotSee_whenCandidatesOfThatRunAreRead_thenItIsThereWithAnEmptyHistory() {
        FindingRecord stored = stored("fp-open");

        List<FindingRecord> open = store.candidatesOf(Map.of("nmap", List.of("host.test")), List.of("run-9"))
                .collectList().block(TIMEOUT);

        assertThat(open).singleElement().satisfies(record -> {
            assertThat(record.id()).isEqualTo(stored.id());
            assertThat(record.occurrences()).isEqualTo(stored.occurrences());
            assertThat(record.history()).isEmpty();
        });
    }

    @Test
    void givenAResolvedRecordWhoseRunsEntryWasFiled_whenCandidatesOfThatRunAreRead_thenItIsThereWithThatEntry() {
        FindingRecord stored = stored("fp-resolved-twice");
        write(resolvedBy(stored, "run-2"));
        write(seenBy(store.byId(stored.id()).block(TIMEOUT), "run-3"));
        write(resolvedBy(store.byId(stored.id()).block(TIMEOUT), "run-4"));

        List<FindingRecord> candidates = store.candidatesOf(Map.of("nmap", List.of("host.test")), List.of("run-2"))
                .collectList().block(TIMEOUT);

        assertThat(candidates).singleElement().satisfies(record -> {
            assertThat(record.state()).isEqualTo(FindingRecord.RESOLVED);
            assertThat(record.history()).containsExactly(new FindingRecord.HistoryEntry("run-2", AT, "resolved"));
        });
    }

    private void write(FindingStore.Change change) {
        assertThat(store.write(List.of(), List.of(change)).block(TIMEOUT)).isTrue();
    }

    private static FindingStore.Change resolvedBy(FindingRecord read, String runId) {
        return FindingStore.Change.recording(read, List.of(new FindingRecord.HistoryEntry(runId, AT, "resolved")),
                new Update().set("state", FindingRecord.RESOLVED));
    }

    private FindingRecord stored(String fingerprint) {
        store.write(List.of(record(fingerprint)), List.of()).block(TIMEOUT);
        return store.byFingerprints(Map.of(fingerprint, List.of("run-1"))).single().block(TIMEOUT);
    }

    private static FindingStore.Change seenBy(FindingRecord read, String runId) {
        List<FindingRecord.HistoryEntry> entries = List.of(new FindingRecord.HistoryEntry(runId, AT, "unchanged"));
        FindingRecord after = read.seenBy(read, runId, AT, "unchanged", false);
        return FindingStore.Change.recording(read, entries, FindingStore.seen(after, entries, false));
    }

    static FindingRecord record(String fingerprint) {
        return new FindingRecord("fnd-" + UUID.randomUUID(), fingerprint, "nmap", "open-port", "low", "Open port 22/tcp",
                "A service answers.", "host.test", "host.test", 22, "tcp", "ssh", null, null, null, null, null,
                List.of(), java.util.Map.of("state", "open"), "Close it.", AT, AT, "run-1", "run-1", 1,
                FindingRecord.OPEN, "new", FindingRecord.UNTRIAGED, null, null, null, List.of(),
                List.of(new FindingRecord.HistoryEntry("run-1", AT, "new")), List.of(), 0, 0);
    }
}
