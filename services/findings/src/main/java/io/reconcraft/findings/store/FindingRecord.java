package io.reconcraft.findings.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One finding across runs, stored once per fingerprint, with its current state. Its history — one entry per run that
 * saw or resolved it, what makes applying a run's results twice change nothing — is kept beside it, one document per
 * finding and run ({@link HistoryRecord}), so that what a run reads and writes stays the same size however many runs
 * came before: only the entries of its last change are on the record ({@code recentHistory}), until the next change
 * files them (see {@link FindingStore#write}). {@code version} guards every change.
 *
 * <p>{@code history} is never written: it is the entries read with the record — every one ({@link FindingStore#byId})
 * or only those of the runs asked about — and, in records stored before the history had its own collection, the
 * whole history until {@link HistoryMigration} moves it.
 */
@Document("findings")
public record FindingRecord(
        @Id String id,
        String fingerprint,
        String tool,
        String kind,
        String severity,
        String title,
        String description,
        String target,
        String host,
        Integer port,
        String protocol,
        String service,
        String url,
        String repository,
        String file,
        Integer line,
        String rule,
        List<String> cves,
        Map<String, Object> evidence,
        String remediation,
        Instant firstSeenAt,
        Instant lastSeenAt,
        String firstRunId,
        String lastRunId,
        int occurrences,
        String state,
        String lastChange,
        String triage,
        String triageNote,
        String triagedBy,
        Instant triagedAt,
        List<String> workflowIds,
        @ReadOnlyProperty List<HistoryEntry> history,
        List<HistoryEntry> recentHistory,
        Integer historySize,
        long version) {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    public static final String UNTRIAGED = "untriaged";
    public static final String FIXED = "fixed";

    public FindingRecord {
        cves = cves == null ? List.of() : cves;
        evidence = evidence == null ? Map.of() : evidence;
        workflowIds = workflowIds == null ? List.of() : workflowIds;
        history = history == null ? List.of() : history;
        recentHistory = recentHistory == null ? List.of() : recentHistory;
        historySize = historySize == null ? 0 : historySize; // not stored before the history had its own collection
    }

    /** @param change new, reopened, unchanged or resolved */
    public record HistoryEntry(String runId, Instant at, String change) {
    }

    /** What this run did to the finding, if anything. */
    public java.util.Optional<HistoryEntry> entryOf(String runId) {
        return history.stream().filter(entry -> runId.equals(entry.runId())).findFirst();
    }

    /** This record as read, carrying {@code entries} as its history. */
    public FindingRecord withHistory(List<HistoryEntry> entries) {
        return withHistories(entries, recentHistory, historySize);
    }

    /** This new record as stored: the entries it was made with are its recent history (none filed yet). */
    FindingRecord asStored() {
        return withHistories(List.of(), history, history.size());
    }

    private FindingRecord withHistories(List<HistoryEntry> read, List<HistoryEntry> recent, int size) {
        return new FindingRecord(id, fingerprint, tool, kind, severity, title, description, target, host, port,
                protocol, service, url, repository, file, line, rule, cves, evidence, remediation, firstSeenAt,
                lastSeenAt, firstRunId, lastRunId, occurrences, state, lastChange, triage, triageNote, triagedBy,
                triagedAt, workflowIds, read, recent, size, version);
    }

    /** This record after {@code runId} saw it again as {@code fresh} (severity, text, service, evidence): as {@link FindingStore#seen} writes it. */
    public FindingRecord seenBy(FindingRecord fresh, String runId, Instant at, String change, boolean resetTriage) {
        List<HistoryEntry> entries = new java.util.ArrayList<>(history);
        entries.add(new HistoryEntry(runId, at, change));
        return new FindingRecord(id, fingerprint, tool, kind, fresh.severity(), fresh.title(), fresh.description(),
                target, host, port, protocol, fresh.service(), url, repository, file, line, rule, cves, fresh.evidence(),
                remediation, firstSeenAt, at, firstRunId, runId, occurrences + 1, OPEN, change,
                resetTriage ? UNTRIAGED : triage, triageNote, resetTriage ? null : triagedBy,
                resetTriage ? null : triagedAt, workflowIds, entries, recentHistory, historySize, version);
    }

    /** This record after {@code runId} resolved it. */
    public FindingRecord resolvedBy(String runId, Instant at) {
        List<HistoryEntry> entries = new java.util.ArrayList<>(history);
        entries.add(new HistoryEntry(runId, at, RESOLVED));
        return new FindingRecord(id, fingerprint, tool, kind, severity, title, description, target, host, port,
                protocol, service, url, repository, file, line, rule, cves, evidence, remediation, firstSeenAt,
                lastSeenAt, firstRunId, lastRunId, occurrences, RESOLVED, RESOLVED, triage, triageNote, triagedBy,
                triagedAt, workflowIds, entries, recentHistory, historySize, version);
    }

    /** Left out of alerts and report totals. */
    public boolean triagedAway() {
        return "false_positive".equals(triage) || "accepted_risk".equals(triage);
    }
}
