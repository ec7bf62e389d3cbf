package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.FindingFactory;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Host;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Port;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Script;
import io.reconcraft.toolrunner.execution.live.nmap.NmapScan.Vulnerability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings from a scan: every open port is low; an open {@link RiskyService} adds a medium or high
 * finding; every script entry with a CVSS score (e.g. vulners) adds one whose severity follows the
 * score: below 4 low, below 7 medium, below 9 high, else critical.
 */
public final class NmapFindings {

    private static final FindingFactory FINDINGS = new FindingFactory(NodeKind.NMAP.wireName());

    private NmapFindings() {
    }

    public static List<Finding> of(NmapScan scan) {
        List<Finding> findings = new ArrayList<>();
        for (Host host : scan.hosts()) {
            for (Port port : host.ports()) {
                if (port.open()) {
                    findings.addAll(ofOpenPort(host, port));
                }
            }
        }
        return findings;
    }

    static Severity severityOfCvss(double cvss) {
        if (cvss < 4.0) {
            return Severity.LOW;
        }
        if (cvss < 7.0) {
            return Severity.MEDIUM;
        }
        return cvss < 9.0 ? Severity.HIGH : Severity.CRITICAL;
    }

    private static List<Finding> ofOpenPort(Host host, Port port) {
        List<Finding> findings = new ArrayList<>();
        String service = port.service() == null ? "unknown" : port.service();
        String software = software(port);
        findings.add(FINDINGS.finding(Severity.LOW, "Open port " + port.name() + " (" + service + ")",
                (software.isEmpty() ? "A service" : software) + " answers on " + host.address() + " port "
                        + port.name() + ".", service, port.port(), host.address(),
                Map.of("address", host.address(), "state", port.state())));
        RiskyService.of(port.service(), port.product()).ifPresent(risky -> findings.add(FINDINGS.finding(
                risky.severity(), "Risky service exposed: " + risky.label() + " on " + port.name(),
                risky.label() + " on " + host.address() + " port " + port.name() + " " + risky.reason()
                        + "; restrict it to the hosts that need it.",
                service, port.port(), host.address(), Map.of("address", host.address(), "risk", risky.name()))));
        for (Script script : port.scripts()) {
            for (Vulnerability vulnerability : script.vulnerabilities()) {
                findings.add(ofVulnerability(host, port, service, software, script, vulnerability));
            }
        }
        return findings;
    }

    private static Finding ofVulnerability(Host host, Port port, String service, String software, Script script,
                                           Vulnerability vulnerability) {
        String score = String.format(Locale.ROOT, "%.1f", vulnerability.cvss());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("address", host.address());
        metadata.put("id", vulnerability.id());
        metadata.put("cvss", vulnerability.cvss());
        metadata.put("exploit", vulnerability.exploit());
        if (vulnerability.type() != null) {
            metadata.put("type", vulnerability.type());
        }
        metadata.put("script", script.id());
        String what = vulnerability.isCve() ? vulnerability.id()
                : "a vulnerability with a published exploit (" + vulnerability.id() + ")";
        return FINDINGS.finding(severityOfCvss(vulnerability.cvss()),
                (vulnerability.isCve() ? "" : "Exploit ") + vulnerability.id() + " (CVSS " + score + ") on " + port.name(),
                (software.isEmpty() ? service : software) + " on " + host.address() + " port " + port.name()
                        + " is reported vulnerable to " + what + " (CVSS " + score + ") by the "
                        + script.id() + " script" + (vulnerability.exploit() ? "; a public exploit exists." : "."),
                service, port.port(), host.address(), metadata);
    }

    /** "OpenSSH 7.4 (protocol 2.0)"; a version without a product is only a version: "A service (version 2-4)". */
    private static String software(Port port) {
        String extra = port.extraInfo() == null ? "" : " (" + port.extraInfo() + ")";
        if (port.product() == null) {
            return port.version() == null ? "" : "A service (version " + port.version() + ")" + extra;
        }
        return (port.product() + " " + (port.version() == null ? "" : port.version())).trim() + extra;
    }
}
