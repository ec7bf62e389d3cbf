package io.reconcraft.findings.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reconcraft.findings.store.FindingRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored finding as the API shows it (API.md "Finding (stored)"); {@code history} only on the single-finding read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingView(String id, String fingerprint, String tool, String severity, String title,
                          String description, String target, String host, Integer port, String protocol,
                          String service, String url, String repository, String file, Integer line, String rule,
                          List<String> cves, Map<String, Object> evidence, String remediation, Instant firstSeenAt,
                          Instant lastSeenAt, String firstRunId, String lastRunId, int occurrences, String state,
                          String change, String triage, String triageNote, String triagedBy, Instant triagedAt,
                          List<String> workflowIds, List<FindingRecord.HistoryEntry> history) {

    public static FindingView of(FindingRecord r, String change, boolean withHistory) {
        return new FindingView(r.id(), r.fingerprint(), r.tool(), r.severity(), r.title(), r.description(), r.target(),
                r.host(), r.port(), r.protocol(), r.service(), r.url(), r.repository(), r.file(), r.line(), r.rule(),
                r.cves(), r.evidence(), r.remediation(), r.firstSeenAt(), r.lastSeenAt(), r.firstRunId(), r.lastRunId(),
                r.occurrences(), r.state(), change, r.triage(), r.triageNote(), r.triagedBy(), r.triagedAt(),
                r.workflowIds(), withHistory ? r.history() : null);
    }
}
