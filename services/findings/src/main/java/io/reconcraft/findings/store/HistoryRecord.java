package io.reconcraft.findings.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one run did to one finding ({@link FindingRecord.HistoryEntry}), filed beside the finding: one document per
 * finding and run, found by run (a run's diff and end) or by finding (its whole history). {@code seq} is the entry's
 * place in the finding's history, the order the changes were applied in.
 */
@Document("findingHistory")
public record HistoryRecord(@Id String id, String findingId, String runId, Instant at, String change, int seq) {

    /** A finding has at most one entry per run: its fingerprint and the run name it. */
    public static String idOf(String fingerprint, String runId) {
        return fingerprint + ":" + runId;
    }

    static HistoryRecord of(FindingRecord finding, FindingRecord.HistoryEntry entry, int seq) {
        return new HistoryRecord(idOf(finding.fingerprint(), entry.runId()), finding.id(), entry.runId(), entry.at(),
                entry.change(), seq);
    }

    FindingRecord.HistoryEntry entry() {
        return new FindingRecord.HistoryEntry(runId, at, change);
    }
}
