package io.reconcraft.findings.report;

import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.reports.ReportFinding;

/** A stored finding as a report lists it. */
public final class ReportFindings {

    private ReportFindings() {
    }

    public static ReportFinding of(FindingRecord record, String change) {
        return new ReportFinding(record.id(), record.fingerprint(), record.tool(), record.severity(), record.title(),
                record.description(), record.target(), record.host(), record.port(), record.protocol(),
                record.service(), record.url(), record.repository(), record.file(), record.line(), record.rule(),
                record.cves(), record.evidence(), record.remediation(), change, record.triage(), record.triageNote());
    }
}
