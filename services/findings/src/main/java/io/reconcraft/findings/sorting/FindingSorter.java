package io.reconcraft.findings.sorting;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.model.Finding;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sorts what a step saw against what was stored before its run: {@code new} (never stored), {@code reopened}
 * (stored but resolved, or triaged fixed) or {@code unchanged}. The run's history entry on the record makes it
 * idempotent: seeing the same finding again in the same run (a redelivery, a replay, a second step) answers the
 * change already recorded and counts no occurrence twice.
 */
@Component
public class FindingSorter {

    static final int MAX_ATTEMPTS = 10;

    private final FindingStore store;

    public FindingSorter(FindingStore store) {
        this.store = store;
    }

    public Mono<List<FindingsUpdated.FindingChange>> sort(String runId, String workflowId, List<Finding> findings,
                                                          Instant at) {
        List<Mono<FindingsUpdated.FindingChange>> sorted = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            int index = i;
            Finding finding = findings.get(i);
            sorted.add(seen(runId, workflowId, finding, at, 1)
                    .map(record -> new FindingsUpdated.FindingChange(index, record.id(),
                            record.entryOf(runId).map(FindingRecord.HistoryEntry::change).orElse("unchanged"),
                            record.triage() == null ? FindingRecord.UNTRIAGED : record.triage())));
        }
        // one at a time: two findings of a step may share a fingerprint
        return Flux.concat(sorted).collectList();
    }

    /** The stored record after this run's sighting is recorded on it. */
    private Mono<FindingRecord> seen(String runId, String workflowId, Finding finding, Instant at, int attempt) {
        String fingerprint = Fingerprints.of(finding);
        return store.byFingerprint(fingerprint)
                .flatMap(existing -> record(existing, runId, finding, at))
                .switchIfEmpty(Mono.defer(() -> store.insert(NewRecords.of(finding, fingerprint, runId, workflowId, at))
                        .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())))
                .switchIfEmpty(Mono.defer(() -> retry(runId, workflowId, finding, at, attempt)));
    }

    /** Empty when another writer changed the record meanwhile. */
    private Mono<FindingRecord> record(FindingRecord existing, String runId, Finding finding, Instant at) {
        if (existing.entryOf(runId).isPresent()) {
            return Mono.just(existing);
        }
        boolean fixed = FindingRecord.FIXED.equals(existing.triage());
        boolean reopened = FindingRecord.RESOLVED.equals(existing.state()) || fixed;
        String change = reopened ? "reopened" : "unchanged";
        return store.updateIfUnchanged(existing, Criteria.where("history.runId").ne(runId),
                        FindingStore.seen(NewRecords.refreshed(finding), runId, at, change, fixed))
                .flatMap(updated -> updated ? store.byId(existing.id()) : Mono.empty());
    }

    private Mono<FindingRecord> retry(String runId, String workflowId, Finding finding, Instant at, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            return Mono.error(new IllegalStateException("finding " + Fingerprints.of(finding)
                    + " kept changing under run " + runId + "; giving up for now"));
        }
        return seen(runId, workflowId, finding, at, attempt + 1);
    }
}
