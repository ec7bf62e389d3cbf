package io.reconcraft.reports;

import java.util.List;
import java.util.Map;

/**
 * One finding as a report shows it. Every field but {@code title} may be null.
 *
 * @param rule   the kind of finding within its tool (a gitleaks rule id, an HTTP check, {@code open-port}, ...);
 *               it makes the SARIF {@code ruleId} ({@code tool/rule})
 * @param change {@code new | reopened | unchanged | resolved}
 * @param triage {@code untriaged | confirmed | false_positive | accepted_risk | fixed}
 */
public record ReportFinding(String findingId, String fingerprint, String tool, String severity, String title,
                            String description, String target, String host, Integer port, String protocol,
                            String service, String url, String repository, String file, Integer line, String rule,
                            List<String> cves, Map<String, Object> evidence, String remediation, String change,
                            String triage, String triageNote) {
}
