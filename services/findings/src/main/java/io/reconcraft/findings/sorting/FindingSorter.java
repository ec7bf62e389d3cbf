package io.reconcraft.findings.sorting;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.model.Finding;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Sorts what steps saw against what was stored before their runs: {@code new} (never stored), {@code reopened}
 * (stored but resolved, or triaged fixed) or {@code unchanged}. The run's history entry of the record makes it
 * idempotent: seeing the same finding again in the same run (a redelivery, a replay, a second step) answers the
 * change already recorded and counts no occurrence twice.
 *
 * <p>A batch of step results is sorted together: the records of all their fingerprints, with the history entries of
 * the batch's runs only, are read in one round trip, the
 * sightings are applied in memory in the order the results arrived, and what changed is written in one bulk write,
 * each change conditional on the version read. When another writer stored or changed one of the records meanwhile,
 * the whole batch is read and decided again.
 */
@Component
@RequiredArgsConstructor
public class FindingSorter {

    static final int MAX_ATTEMPTS = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final FindingStore store;

    /** A step's findings seen by a run. */
    public record Sighting(String runId, String workflowId, List<Finding> findings, Instant at) {
    }

    /** The changes of each sighting, in the order given; blocks until they are stored. */
    public List<List<FindingsUpdated.FindingChange>> sort(List<Sighting> sightings) {
        Map<String, Set<String>> runsByFingerprint = new LinkedHashMap<>();
        for (Sighting sighting : sightings) {
            sighting.findings().forEach(finding -> runsByFingerprint
                    .computeIfAbsent(Fingerprints.of(finding), fingerprint -> new LinkedHashSet<>())
                    .add(sighting.runId()));
        }
        Set<String> fingerprints = runsByFingerprint.keySet();
        if (fingerprints.isEmpty()) {
            return sightings.stream().map(sighting -> List.<FindingsUpdated.FindingChange>of()).toList();
        }
        for (int attempt = 1; ; attempt++) {
            Batch batch = new Batch(store.byFingerprints(runsByFingerprint).collectList().block(TIMEOUT));
            List<List<FindingsUpdated.FindingChange>> changes = new ArrayList<>();
            for (Sighting sighting : sightings) {
                changes.add(batch.see(sighting));
            }
            if (Boolean.TRUE.equals(store.write(batch.inserts(), batch.changes()).block(TIMEOUT))) {
                return changes;
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("findings " + fingerprints + " kept changing under runs "
                        + sightings.stream().map(Sighting::runId).distinct().toList() + "; giving up for now");
            }
        }
    }

    /** The records of a batch's fingerprints as read, and as the batch's sightings leave them. */
    private static final class Batch {

        private final Map<String, FindingRecord> read = new LinkedHashMap<>();
        private final Map<String, FindingRecord> current = new LinkedHashMap<>();
        private final Map<String, List<FindingRecord.HistoryEntry>> entries = new LinkedHashMap<>();
        private final Set<String> resetTriage = new LinkedHashSet<>();
        private final Set<String> created = new LinkedHashSet<>();

        Batch(List<FindingRecord> stored) {
            for (FindingRecord record : stored) {
                read.put(record.fingerprint(), record);
                current.put(record.fingerprint(), record);
            }
        }

        List<FindingsUpdated.FindingChange> see(Sighting sighting) {
            List<FindingsUpdated.FindingChange> changes = new ArrayList<>();
            String runId = sighting.runId();
            for (int index = 0; index < sighting.findings().size(); index++) {
                Finding finding = sighting.findings().get(index);
                FindingRecord record = seen(finding, sighting);
                changes.add(new FindingsUpdated.FindingChange(index, record.id(),
                        record.entryOf(runId).map(FindingRecord.HistoryEntry::change).orElse("unchanged"),
                        record.triage() == null ? FindingRecord.UNTRIAGED : record.triage()));
            }
            return changes;
        }

        /** The record after this run's sighting is recorded on it. */
        private FindingRecord seen(Finding finding, Sighting sighting) {
            String fingerprint = Fingerprints.of(finding);
            String runId = sighting.runId();
            FindingRecord existing = current.get(fingerprint);
            if (existing == null) {
                FindingRecord fresh = NewRecords.of(finding, fingerprint, runId, sighting.workflowId(), sighting.at());
                current.put(fingerprint, fresh);
                created.add(fingerprint);
                return fresh;
            }
            if (existing.entryOf(runId).isPresent()) {
                return existing;
            }
            boolean fixed = FindingRecord.FIXED.equals(existing.triage());
            boolean reopened = FindingRecord.RESOLVED.equals(existing.state()) || fixed;
            String change = reopened ? "reopened" : "unchanged";
            FindingRecord after = existing.seenBy(NewRecords.refreshed(finding), runId, sighting.at(), change, fixed);
            current.put(fingerprint, after);
            if (!created.contains(fingerprint)) {
                entries.computeIfAbsent(fingerprint, f -> new ArrayList<>())
                        .add(new FindingRecord.HistoryEntry(runId, sighting.at(), change));
                if (fixed) {
                    resetTriage.add(fingerprint);
                }
            }
            return after;
        }

        List<FindingRecord> inserts() {
            return created.stream().map(current::get).toList();
        }

        List<FindingStore.Change> changes() {
            List<FindingStore.Change> changes = new ArrayList<>();
            entries.forEach((fingerprint, seen) -> {
                FindingRecord before = read.get(fingerprint);
                changes.add(FindingStore.Change.recording(before, seen,
                        FindingStore.seen(current.get(fingerprint), seen, resetTriage.contains(fingerprint))));
            });
            return changes;
        }
    }
}
