package io.reconcraft.findings.sorting;

import io.reconcraft.events.model.Finding;
import io.reconcraft.findings.store.FindingRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A stored finding made from what a tool reported: its identifying fields, evidence and a remediation. */
final class NewRecords {

    private NewRecords() {
    }

    static FindingRecord of(Finding finding, String fingerprint, String runId, String workflowId, Instant at) {
        Fingerprints.Identity id = Fingerprints.identity(finding);
        Map<String, Object> meta = finding.metadata();
        boolean secret = "secret".equals(id.kind());
        Map<String, Object> evidence = new LinkedHashMap<>(meta);
        evidence.remove("secretHash");
        List<String> cves = new ArrayList<>();
        Object vulnerability = meta.get("id");
        if (vulnerability != null && vulnerability.toString().toUpperCase(Locale.ROOT).startsWith("CVE-")) {
            cves.add(vulnerability.toString());
        }
        return new FindingRecord("fnd-" + UUID.randomUUID(), fingerprint, Fingerprints.tool(finding), id.kind(),
                severity(finding), finding.title(), finding.description(), finding.target(),
                secret ? null : id.host() != null ? id.host() : finding.target(), finding.port(), id.protocol(),
                finding.service(), meta.get("url") == null ? null : meta.get("url").toString(),
                secret ? finding.target() : null, secret ? text(meta.get("file")) : null,
                secret ? integer(meta.get("line")) : null,
                meta.get("rule") == null ? null : meta.get("rule").toString(), cves, evidence,
                remediation(id.kind(), finding), at, at, runId, runId, 1, FindingRecord.OPEN, "new",
                FindingRecord.UNTRIAGED, null, null, null, workflowId == null ? List.of() : List.of(workflowId),
                List.of(new FindingRecord.HistoryEntry(runId, at, "new")), List.of(), 0, 0);
    }

    static FindingRecord refreshed(Finding finding) {
        Map<String, Object> evidence = new LinkedHashMap<>(finding.metadata());
        evidence.remove("secretHash");
        return new FindingRecord(null, null, null, null, severity(finding), finding.title(), finding.description(),
                null, null, null, null, finding.service(), null, null, null, null, null, null, evidence, null, null,
                null, null, null, 0, null, null, null, null, null, null, null, null, null, 0, 0);
    }

    static String severity(Finding finding) {
        return finding.severity() == null ? "low" : finding.severity().name().toLowerCase(Locale.ROOT);
    }

    static String remediation(String kind, Finding finding) {
        return switch (kind) {
            case "open-port" -> "Close the port if the service is not needed, or restrict it to the hosts that need it.";
            case "service-risk" -> "Restrict the service to the hosts that need it, or put it behind a VPN.";
            case "vulnerability" -> "Update the affected software to a version that fixes the vulnerability.";
            case "http-check" -> "Configure the web server to send the expected headers and a valid certificate, "
                    + "and to stop revealing software versions.";
            case "secret" -> "Revoke the secret, issue a new one, and remove it from the repository's history.";
            default -> finding.description();
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Integer integer(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
