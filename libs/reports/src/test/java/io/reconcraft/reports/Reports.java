package io.reconcraft.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Realistic report models for the specifications: a demo run of nmap, http-probe and gitleaks on loopback. */
final class Reports {

    static final Instant GENERATED = Instant.parse("2026-12-01T18:30:00Z");

    private Reports() {
    }

    static ReportFinding sshPort() {
        return new ReportFinding("f-ssh", "fp-nmap-127.0.0.1-22-tcp", "nmap", "low", "Open port 22/tcp (ssh)",
                "OpenSSH 9.2p1 Debian 2 answers on 127.0.0.1 port 22/tcp.", "127.0.0.1", "127.0.0.1", 22, "tcp",
                "ssh", null, null, null, null, "open-port", List.of(),
                evidence("address", "127.0.0.1", "state", "open", "product", "OpenSSH 9.2p1"),
                "Allow SSH only from the administration network and disable password logins.",
                "unchanged", "untriaged", null);
    }

    static ReportFinding redisPort() {
        return new ReportFinding("f-redis", "fp-nmap-127.0.0.1-6379-tcp-risky", "nmap", "high",
                "Risky service exposed: Redis on 6379/tcp",
                "Redis on 127.0.0.1 port 6379/tcp answers without authentication; restrict it to the hosts that need it.",
                "127.0.0.1", "127.0.0.1", 6379, "tcp", "redis", null, null, null, null, "risky-service", List.of(),
                evidence("address", "127.0.0.1", "risk", "REDIS"),
                "Bind Redis to the application network, require AUTH and enable protected mode.",
                "new", "untriaged", null);
    }

    static ReportFinding openSshCve() {
        return new ReportFinding("f-cve", "fp-nmap-127.0.0.1-22-tcp-CVE-2023-38408", "nmap", "critical",
                "CVE-2023-38408 (CVSS 9.8) on 22/tcp",
                "OpenSSH 9.2p1 on 127.0.0.1 port 22/tcp is reported vulnerable to CVE-2023-38408 (CVSS 9.8) by the vulners script; a public exploit exists.",
                "127.0.0.1", "127.0.0.1", 22, "tcp", "ssh", null, null, null, null, null, List.of("CVE-2023-38408"),
                evidence("id", "CVE-2023-38408", "cvss", 9.8, "exploit", true, "script", "vulners"),
                "Upgrade OpenSSH to 9.3p2 or later.", "reopened", "untriaged", null);
    }

    static ReportFinding missingHeaders() {
        return new ReportFinding("f-headers", "fp-http-http://127.0.0.1:8080-headers", "http-probe", "low",
                "Missing security headers on http://127.0.0.1:8080/",
                "The response lacks Content-Security-Policy, X-Frame-Options, X-Content-Type-Options.",
                "127.0.0.1", "127.0.0.1", 8080, "tcp", "http", "http://127.0.0.1:8080/", null, null, null,
                "missing-security-headers", List.of(),
                evidence("url", "http://127.0.0.1:8080/", "missingHeaders",
                        List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")),
                "Send Content-Security-Policy, X-Frame-Options: DENY and X-Content-Type-Options: nosniff.",
                "new", "untriaged", null);
    }

    static ReportFinding awsKeyLeak() {
        return new ReportFinding("f-leak", "fp-gitleaks-demo-app-config-aws", "gitleaks", "high",
                "Hard-coded secret: AWS Access Key in config/settings.py:42",
                "gitleaks rule aws-access-token matched at config/settings.py:42 in 2 commit(s). Revoke the secret and remove it from the history.",
                "https://git.example.test/acme/demo-app.git", null, null, null, null, null,
                "https://git.example.test/acme/demo-app.git", "config/settings.py", 42, "aws-access-token", List.of(),
                evidence("cwe", "CWE-798", "commit", "9f2c1e7", "secret", "AKIA************MPLE"),
                "Revoke the key in AWS IAM, rotate it, and remove it from the git history.",
                "new", "untriaged", null);
    }

    static ReportFinding serverVersionAccepted() {
        return new ReportFinding("f-server", "fp-http-http://127.0.0.1:8080-server", "http-probe", "low",
                "Version disclosed in Server on http://127.0.0.1:8080/",
                "The Server header reveals 'nginx/1.25.3', which helps an attacker pick exploits.",
                "127.0.0.1", "127.0.0.1", 8080, "tcp", "http", "http://127.0.0.1:8080/", null, null, null,
                "version-disclosure", List.of(), evidence("header", "Server", "value", "nginx/1.25.3"),
                "Hide the version with server_tokens off.", "unchanged", "accepted_risk",
                "Internal lab server, patched monthly.");
    }

    static ReportFinding resolvedFtp() {
        return new ReportFinding("f-ftp", "fp-nmap-127.0.0.1-21-tcp", "nmap", "medium", "Open port 21/tcp (ftp)",
                "vsftpd 3.0.3 answers on 127.0.0.1 port 21/tcp.", "127.0.0.1", "127.0.0.1", 21, "tcp", "ftp",
                null, null, null, null, "open-port", List.of(), evidence("state", "open"),
                "Replace FTP with SFTP.", "resolved", "untriaged", null);
    }

    static List<TimelineEntry> timeline() {
        return List.of(
                new TimelineEntry(Instant.parse("2026-12-01T18:29:01Z"), "s-1", "nmap-1", "nmap", "running", "nmap -sV 127.0.0.1"),
                new TimelineEntry(Instant.parse("2026-12-01T18:29:31Z"), "s-1", "nmap-1", "nmap", "succeeded", "3 open ports"),
                new TimelineEntry(Instant.parse("2026-12-01T18:29:33Z"), "s-2", "probe-1", "http-probe", "succeeded", "1 URL probed"),
                new TimelineEntry(Instant.parse("2026-12-01T18:29:40Z"), "s-3", "leaks-1", "gitleaks", "succeeded", "1 leak"),
                new TimelineEntry(Instant.parse("2026-12-01T18:29:59Z"), "s-4", "report-1", "report", "running", "writing html, pdf"));
    }

    /** A demo run: five active findings on two targets, one accepted risk, one resolved port. */
    static ReportModel demoRun() {
        return model(List.of(sshPort(), redisPort(), openSshCve(), missingHeaders(), awsKeyLeak()));
    }

    static ReportModel model(List<ReportFinding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String severity : Severities.ORDER) {
            counts.put(severity, (int) findings.stream().filter(f -> f.severity().equals(severity)).count());
        }
        return new ReportModel("Weekly perimeter scan", "run-7f3a9c", "wf-perimeter", "Perimeter: nmap + http-probe",
                GENERATED, Set.of("summary", "findings", "recommendations"), counts,
                new ReportChanges(3, 1, 1, List.of(resolvedFtp())), findings, List.of(serverVersionAccepted()),
                timeline());
    }

    static ReportModel withSections(ReportModel model, Set<String> sections) {
        return new ReportModel(model.title(), model.runId(), model.workflowId(), model.workflowName(),
                model.generatedAt(), sections, model.severityCounts(), model.changes(), model.findings(),
                model.triagedAway(), model.timeline());
    }

    static ReportModel withTitle(ReportModel model, String title) {
        return new ReportModel(title, model.runId(), model.workflowId(), model.workflowName(),
                model.generatedAt(), model.sections(), model.severityCounts(), model.changes(), model.findings(),
                model.triagedAway(), model.timeline());
    }

    static ReportFinding titled(ReportFinding f, String title) {
        return new ReportFinding(f.findingId(), f.fingerprint(), f.tool(), f.severity(), title, f.description(),
                f.target(), f.host(), f.port(), f.protocol(), f.service(), f.url(), f.repository(), f.file(), f.line(),
                f.rule(), f.cves(), f.evidence(), f.remediation(), f.change(), f.triage(), f.triageNote());
    }

    /** Many open ports, to push the findings table over several pages. */
    static ReportModel manyPorts(int count) {
        List<ReportFinding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = 8000 + i;
            findings.add(new ReportFinding("f-" + port, "fp-nmap-127.0.0.1-" + port + "-tcp", "nmap", i % 7 == 0 ? "medium" : "low",
                    "Open port " + port + "/tcp (http-alt)", "A web server answers on 127.0.0.1 port " + port + "/tcp.",
                    "127.0.0.1", "127.0.0.1", port, "tcp", "http-alt", null, null, null, null, "open-port", List.of(),
                    evidence("address", "127.0.0.1", "state", "open"), "Close ports that serve nothing needed.",
                    i % 3 == 0 ? "new" : "unchanged", "untriaged", null));
        }
        return model(findings);
    }

    private static Map<String, Object> evidence(Object... keysAndValues) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            evidence.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return evidence;
    }
}
