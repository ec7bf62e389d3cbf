package io.reconcraft.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/** The findings' one bulk write per batch, on the MongoDB-wire server the tests and the local stack use. */
class FindingStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "finding-store-" + UUID.randomUUID());
    private final FindingStore store = new FindingStore(mongo);

    @BeforeEach
    void uniqueFingerprints() {
        mongo.indexOps(FindingRecord.class).createIndex(new Index("fingerprint", Sort.Direction.ASC).unique()).block(TIMEOUT);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void givenNewRecordsAndChangesOnTheVersionsRead_whenWritten_thenAllApplyInOneWriteAndVersionsMoveOn() {
        FindingRecord stored = mongo.insert(record("fp-stored")).block(TIMEOUT);

        boolean written = Boolean.TRUE.equals(store.write(List.of(record("fp-new")),
                List.of(new FindingStore.Change(stored.id(), stored.version(), seenBy("run-2")))).block(TIMEOUT));

        assertThat(written).isTrue();
        FindingRecord after = store.byId(stored.id()).block(TIMEOUT);
        assertThat(after.version()).isEqualTo(stored.version() + 1);
        assertThat(after.occurrences()).isEqualTo(2);
        assertThat(after.history()).extracting(FindingRecord.HistoryEntry::runId).containsExactly("run-1", "run-2");
        assertThat(store.byFingerprints(List.of("fp-new")).collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void givenARecordChangedSinceItWasRead_whenWritten_thenTheWriteSaysSoAndLeavesItAsTheOtherWriterDid() {
        FindingRecord read = mongo.insert(record("fp-raced")).block(TIMEOUT);
        store.write(List.of(), List.of(new FindingStore.Change(read.id(), read.version(), seenBy("run-other"))))
                .block(TIMEOUT);

        Boolean written = store.write(List.of(), List.of(new FindingStore.Change(read.id(), read.version(),
                seenBy("run-2")))).block(TIMEOUT);

        assertThat(written).isFalse();
        assertThat(store.byId(read.id()).block(TIMEOUT).history()).extracting(FindingRecord.HistoryEntry::runId)
                .containsExactly("run-1", "run-other");
    }

    @Test
    void givenAFingerprintStoredMeanwhile_whenANewRecordOfItIsWritten_thenTheWriteSaysSoAndTheRestIsWritten() {
        mongo.insert(record("fp-taken")).block(TIMEOUT);

        Boolean written = store.write(List.of(record("fp-taken"), record("fp-free")), List.of()).block(TIMEOUT);

        assertThat(written).isFalse();
        assertThat(store.byFingerprints(List.of("fp-taken", "fp-free")).collectList().block(TIMEOUT)).hasSize(2);
    }

    @Test
    void givenARecordSeenByManyRuns_whenReadAsOneRunSeesIt_thenItCarriesEveryFieldButOnlyThatRunsHistoryEntry() {
        FindingRecord stored = mongo.insert(record("fp-long-history")
                .seenBy(record("fp-long-history"), "run-2", AT.plusSeconds(1), "unchanged", false)
                .seenBy(record("fp-long-history"), "run-3", AT.plusSeconds(2), "unchanged", false)).block(TIMEOUT);

        List<FindingRecord> touched = store.touchedBy("run-2").collectList().block(TIMEOUT);
        List<FindingRecord> listed = store.byIds(List.of(stored.id()), "run-2").collectList().block(TIMEOUT);

        assertThat(touched).singleElement().usingRecursiveComparison().ignoringFields("history").isEqualTo(stored);
        assertThat(touched.get(0).history()).containsExactly(new FindingRecord.HistoryEntry("run-2", AT.plusSeconds(1),
                "unchanged"));
        assertThat(listed).singleElement().extracting(FindingRecord::history).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).extracting("runId").containsExactly("run-2");
    }

    @Test
    void givenAnOpenRecordARunDidNotSee_whenOpenFindingsAreReadAsThatRunSeesThem_thenItsHistoryIsEmpty() {
        FindingRecord stored = mongo.insert(record("fp-open")).block(TIMEOUT);

        List<FindingRecord> open = store.openOf(java.util.Map.of("nmap", List.of("host.test")), "run-9")
                .collectList().block(TIMEOUT);

        assertThat(open).singleElement().satisfies(record -> {
            assertThat(record.id()).isEqualTo(stored.id());
            assertThat(record.occurrences()).isEqualTo(stored.occurrences());
            assertThat(record.entryOf("run-9")).isEmpty();
            assertThat(record.history()).isEmpty();
        });
    }

    private static Update seenBy(String runId) {
        FindingRecord after = record("ignored").seenBy(record("ignored"), runId, AT, "unchanged", false);
        return FindingStore.seen(after, List.of(new FindingRecord.HistoryEntry(runId, AT, "unchanged")), false);
    }

    private static FindingRecord record(String fingerprint) {
        return new FindingRecord("fnd-" + UUID.randomUUID(), fingerprint, "nmap", "open-port", "low", "Open port 22/tcp",
                "A service answers.", "host.test", "host.test", 22, "tcp", "ssh", null, null, null, null, null,
                List.of(), java.util.Map.of("state", "open"), "Close it.", AT, AT, "run-1", "run-1", 1,
                FindingRecord.OPEN, "new", FindingRecord.UNTRIAGED, null, null, null, List.of(),
                List.of(new FindingRecord.HistoryEntry("run-1", AT, "new")), 0);
    }
}
