package io.reconcraft.findings.sorting;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sorting a batch of step results in memory, against a store faked to answer what another instance did meanwhile. */
class FindingSorterTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final Finding ssh = port(22, "ssh");
    private final Finding web = port(80, "http");

    @Test
    void givenTheSameFindingInTwoRunsOfABatch_whenSorted_thenItIsNewForTheFirstAndUnchangedForTheSecond_inOneWrite() {
        FakeStore store = new FakeStore();

        List<List<FindingsUpdated.FindingChange>> changes = sorter(store).sort(List.of(
                sighting("run-1", ssh), sighting("run-2", ssh)));

        assertThat(changes.get(0)).extracting(FindingsUpdated.FindingChange::change).containsExactly("new");
        assertThat(changes.get(1)).extracting(FindingsUpdated.FindingChange::change).containsExactly("unchanged");
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.inserted).singleElement().satisfies(record -> {
            assertThat(record.occurrences()).isEqualTo(2);
            assertThat(record.history()).extracting(FindingRecord.HistoryEntry::runId).containsExactly("run-1", "run-2");
        });
    }

    @Test
    void givenAResultDeliveredTwiceInOneBatch_whenSorted_thenBothAnswerTheSameChangeAndItCountsOnce() {
        FakeStore store = new FakeStore();

        List<List<FindingsUpdated.FindingChange>> changes = sorter(store).sort(List.of(
                sighting("run-1", ssh, web), sighting("run-1", ssh, web)));

        assertThat(changes.get(1)).isEqualTo(changes.get(0));
        assertThat(changes.get(0)).extracting(FindingsUpdated.FindingChange::change).containsExactly("new", "new");
        assertThat(store.inserted).hasSize(2).allSatisfy(record -> assertThat(record.occurrences()).isEqualTo(1));
    }

    @Test
    void givenAFingerprintStoredByAnotherInstanceMeanwhile_whenTheBatchIsWritten_thenItIsDecidedAgainFromWhatIsStored() {
        FakeStore store = new FakeStore();
        FindingRecord storedMeanwhile = NewRecords.of(ssh, Fingerprints.of(ssh), "run-other", null, AT.minusSeconds(1));
        store.refuseFirstWrite = true;
        store.afterRefusal = List.of(storedMeanwhile);

        List<List<FindingsUpdated.FindingChange>> changes = sorter(store).sort(List.of(sighting("run-1", ssh)));

        assertThat(store.writes).isEqualTo(2);
        assertThat(changes.get(0)).singleElement().satisfies(change -> {
            assertThat(change.findingId()).isEqualTo(storedMeanwhile.id());
            assertThat(change.change()).isEqualTo("unchanged");
        });
        assertThat(store.inserted).isEmpty();
        assertThat(store.changed).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo(storedMeanwhile.id());
            assertThat(change.readVersion()).isEqualTo(storedMeanwhile.version());
        });
    }

    private static FindingSorter sorter(FindingStore store) {
        return new FindingSorter(store);
    }

    private static FindingSorter.Sighting sighting(String runId, Finding... findings) {
        return new FindingSorter.Sighting(runId, "wf-1", List.of(findings), AT);
    }

    private static Finding port(int port, String service) {
        return new Finding("nmap-" + port, Severity.LOW, "Open port " + port + "/tcp (" + service + ")",
                "A service answers.", service, port, "host.test", "nmap", "tool-runner", Map.of("state", "open"));
    }

    /** Holds what was written; can refuse a write the way a bulk write that met another writer's record does. */
    private static final class FakeStore extends FindingStore {

        private List<FindingRecord> stored = List.of();
        private boolean refuseFirstWrite;
        private List<FindingRecord> afterRefusal = List.of();
        private int writes;
        private final List<FindingRecord> inserted = new ArrayList<>();
        private final List<FindingStore.Change> changed = new ArrayList<>();

        FakeStore() {
            super(null);
        }

        @Override
        public Flux<FindingRecord> byFingerprints(Map<String, ? extends Collection<String>> runIdsByFingerprint) {
            return Flux.fromIterable(stored).filter(record -> runIdsByFingerprint.containsKey(record.fingerprint()));
        }

        @Override
        public Mono<Boolean> write(List<FindingRecord> inserts, List<Change> changes) {
            writes++;
            if (refuseFirstWrite && writes == 1) {
                stored = afterRefusal;
                return Mono.just(false);
            }
            inserted.addAll(inserts);
            changed.addAll(changes);
            return Mono.just(true);
        }
    }
}
