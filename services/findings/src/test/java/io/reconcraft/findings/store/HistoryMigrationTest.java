package io.reconcraft.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.reconcraft.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Records stored with their whole history inside, as before the history had its own collection, at start. */
class HistoryMigrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<FindingRecord.HistoryEntry> HISTORY = List.of(
            new FindingRecord.HistoryEntry("run-1", AT, "new"),
            new FindingRecord.HistoryEntry("run-2", AT.plusSeconds(60), "resolved"),
            new FindingRecord.HistoryEntry("run-3", AT.plusSeconds(120), "reopened"));

    private final MongoClient client = MongoClients.create(RealInfrastructure.mongoUri());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "history-migration-" + UUID.randomUUID());
    private final FindingStore store = new FindingStore(mongo);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void givenARecordWithItsWholeHistoryInside_whenTheServiceStarts_thenItsHistoryIsFiledInOrderAndTakenOffTheRecord() {
        String id = storedTheOldWay("fp-old", HISTORY);

        new HistoryMigration(mongo);

        assertThat(store.byId(id).block(TIMEOUT).history()).containsExactlyElementsOf(HISTORY);
        Document stored = mongo.findById(id, Document.class, "findings").block(TIMEOUT);
        assertThat(stored).doesNotContainKey("history").containsEntry("historySize", 3);
        assertThat(store.touchedBy("run-2").collectList().block(TIMEOUT)).singleElement()
                .satisfies(record -> assertThat(record.history()).containsExactly(HISTORY.get(1)));
    }

    @Test
    void givenAMovedHistory_whenTheNextRunChangesTheRecord_thenItsEntryComesAfterTheMovedOnes() {
        String id = storedTheOldWay("fp-old-then-seen", HISTORY);
        new HistoryMigration(mongo);
        FindingRecord read = store.byId(id).block(TIMEOUT);
        FindingRecord.HistoryEntry fourth = new FindingRecord.HistoryEntry("run-4", AT.minusSeconds(600), "unchanged");

        store.write(List.of(), List.of(FindingStore.Change.recording(read, List.of(fourth),
                FindingStore.seen(read, List.of(fourth), false)))).block(TIMEOUT);
        store.write(List.of(), List.of(FindingStore.Change.recording(store.byId(id).block(TIMEOUT),
                List.of(new FindingRecord.HistoryEntry("run-5", AT, "unchanged")),
                new org.springframework.data.mongodb.core.query.Update()))).block(TIMEOUT);

        assertThat(store.byId(id).block(TIMEOUT).history()).extracting(FindingRecord.HistoryEntry::runId)
                .containsExactly("run-1", "run-2", "run-3", "run-4", "run-5");
    }

    @Test
    void givenAMigrationStoppedAfterFilingSomeEntries_whenTheServiceStartsAgain_thenEachEntryIsFiledOnce() {
        String id = storedTheOldWay("fp-half-moved", HISTORY);
        mongo.insert(new HistoryRecord(HistoryRecord.idOf("fp-half-moved", "run-1"), id, "run-1", AT, "new", 0))
                .block(TIMEOUT);

        new HistoryMigration(mongo);

        assertThat(mongo.findAll(HistoryRecord.class).collectList().block(TIMEOUT)).hasSize(3);
        assertThat(store.byId(id).block(TIMEOUT).history()).containsExactlyElementsOf(HISTORY);
    }

    /** A record as the service stored it before: its history inside, no recent history, no history size. */
    private String storedTheOldWay(String fingerprint, List<FindingRecord.HistoryEntry> history) {
        String id = "fnd-" + UUID.randomUUID();
        Document record = new Document("_id", id).append("fingerprint", fingerprint).append("tool", "nmap")
                .append("kind", "open-port").append("severity", "low").append("title", "Open port 22/tcp")
                .append("target", "host.test").append("firstSeenAt", Date.from(AT)).append("lastSeenAt", Date.from(AT))
                .append("firstRunId", "run-1").append("lastRunId", "run-3").append("occurrences", 2)
                .append("state", "open").append("lastChange", "reopened").append("triage", "untriaged")
                .append("history", history.stream().map(entry -> new Document("runId", entry.runId())
                        .append("at", Date.from(entry.at())).append("change", entry.change())).toList())
                .append("version", 3L)
                .append("_class", FindingRecord.class.getName());
        mongo.insert(record, "findings").block(TIMEOUT);
        return id;
    }
}
