package io.reconcraft.reports;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, one run with ReconCraft as the driver.
 * <ul>
 *   <li>{@code ruleId} is {@code tool/kind}: the finding's {@code rule} when it has one (a gitleaks rule id, an
 *       HTTP check), otherwise derived: {@code nmap/open-port}, {@code <tool>/vulnerability} (has CVEs),
 *       {@code gitleaks/secret}, {@code <tool>/finding}. Lower case, so it is stable across runs.</li>
 *   <li>{@code partialFingerprints["reconcraft/v1"]} is our fingerprint, so code-scanning tools de-duplicate
 *       across uploads.</li>
 *   <li>{@code level}: critical and high are {@code error}, medium {@code warning}, low and info {@code note};
 *       {@code security-severity} carries a number for tools that rank by it.</li>
 *   <li>A finding with a file (gitleaks) has a physical location with the file and {@code region.startLine};
 *       one with a URL has the URL as artifact; a host or port finding has a logical location naming it.</li>
 *   <li>Findings triaged away are results with an accepted external suppression; {@code baselineState} says
 *       new (new or reopened) or unchanged.</li>
 * </ul>
 */
final class SarifReport {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT_KEY = "reconcraft/v1";

    private SarifReport() {
    }

    static byte[] render(ReportModel model) {
        return JsonReport.mapper().writeValueAsBytes(log(model));
    }

    static ObjectNode log(ReportModel model) {
        ObjectNode log = JsonReport.mapper().createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        Map<String, ReportFinding> rules = new LinkedHashMap<>();
        List<ReportFinding> active = Text.list(model.findings());
        List<ReportFinding> away = Text.list(model.triagedAway());
        for (ReportFinding finding : concat(active, away)) {
            rules.putIfAbsent(ruleId(finding), finding);
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ReconCraft");
        ArrayNode ruleNodes = driver.putArray("rules");
        rules.forEach((id, example) -> ruleNodes.add(rule(id, example)));

        if (!Text.blank(model.runId())) {
            run.putObject("automationDetails").put("id",
                    (Text.blank(model.workflowId()) ? "reconcraft" : model.workflowId()) + "/" + model.runId());
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (model.generatedAt() != null) {
            invocation.put("endTimeUtc", model.generatedAt().toString());
        }

        ArrayNode results = run.putArray("results");
        for (ReportFinding finding : active) {
            results.add(result(finding, ruleIds, false));
        }
        for (ReportFinding finding : away) {
            results.add(result(finding, ruleIds, true));
        }

        ObjectNode properties = run.putObject("properties");
        putText(properties, "title", model.title());
        putText(properties, "workflowName", model.workflowName());
        ReportChanges changes = Text.changes(model);
        properties.put("newCount", changes.newCount());
        properties.put("reopenedCount", changes.reopenedCount());
        properties.put("resolvedCount", changes.resolvedCount());
        return log;
    }

    /** {@code tool/kind}, lower case, characters outside {@code [a-z0-9._-]} replaced by '-'. */
    static String ruleId(ReportFinding finding) {
        String tool = slug(Text.blank(finding.tool()) ? "reconcraft" : finding.tool());
        String kind;
        if (!Text.blank(finding.rule())) {
            kind = finding.rule();
        } else if ("gitleaks".equals(tool)) {
            kind = "secret";
        } else if (!Text.list(finding.cves()).isEmpty()) {
            kind = "vulnerability";
        } else if ("nmap".equals(tool) && finding.port() != null) {
            kind = "open-port";
        } else {
            kind = "finding";
        }
        return tool + "/" + slug(kind);
    }

    static String level(String severity) {
        return switch (Severities.normalize(severity)) {
            case "critical", "high" -> "error";
            case "medium" -> "warning";
            default -> "note";
        };
    }

    private static String securitySeverity(String severity) {
        return switch (Severities.normalize(severity)) {
            case "critical" -> "9.5";
            case "high" -> "8.0";
            case "medium" -> "5.5";
            case "low" -> "3.0";
            default -> "0.0";
        };
    }

    private static ObjectNode rule(String id, ReportFinding example) {
        ObjectNode rule = JsonReport.mapper().createObjectNode();
        rule.put("id", id);
        rule.put("name", name(id));
        rule.putObject("shortDescription").put("text", id);
        if (!Text.blank(example.remediation())) {
            rule.putObject("help").put("text", example.remediation());
        }
        rule.putObject("defaultConfiguration").put("level", level(example.severity()));
        ObjectNode properties = rule.putObject("properties");
        ArrayNode tags = properties.putArray("tags").add("security");
        if (!Text.blank(example.tool())) {
            tags.add(example.tool());
        }
        properties.put("security-severity", securitySeverity(example.severity()));
        return rule;
    }

    /** SARIF suggests a PascalCase name beside the id: {@code nmap/open-port} becomes {@code NmapOpenPort}. */
    private static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static ObjectNode result(ReportFinding finding, List<String> ruleIds, boolean triagedAway) {
        ObjectNode result = JsonReport.mapper().createObjectNode();
        String ruleId = ruleId(finding);
        result.put("ruleId", ruleId);
        result.put("ruleIndex", ruleIds.indexOf(ruleId));
        result.put("level", level(finding.severity()));
        String title = Text.blank(finding.title()) ? ruleId : finding.title();
        result.putObject("message").put("text",
                Text.blank(finding.description()) ? title : title + ". " + finding.description());
        ObjectNode location = location(finding);
        if (location != null) {
            result.putArray("locations").add(location);
        }
        if (!Text.blank(finding.fingerprint())) {
            result.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
        }
        String baseline = baselineState(finding.change());
        if (baseline != null) {
            result.put("baselineState", baseline);
        }
        if (triagedAway) {
            ObjectNode suppression = result.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            String justification = (finding.triage() == null ? "triaged away" : finding.triage().replace('_', ' '))
                    + (Text.blank(finding.triageNote()) ? "" : ": " + finding.triageNote());
            suppression.put("justification", justification);
        }
        ObjectNode properties = result.putObject("properties");
        properties.put("severity", Severities.normalize(finding.severity()));
        putText(properties, "findingId", finding.findingId());
        putText(properties, "target", finding.target());
        putText(properties, "tool", finding.tool());
        putText(properties, "change", finding.change());
        putText(properties, "triage", finding.triage());
        putText(properties, "remediation", finding.remediation());
        if (!Text.list(finding.cves()).isEmpty()) {
            ArrayNode cves = properties.putArray("cves");
            Text.list(finding.cves()).forEach(cves::add);
        }
        if (!Text.map(finding.evidence()).isEmpty()) {
            properties.set("evidence", JsonReport.mapper().valueToTree(finding.evidence()));
        }
        return result;
    }

    private static String baselineState(String change) {
        if (change == null) {
            return null;
        }
        return switch (change.toLowerCase(Locale.ROOT)) {
            case "new", "reopened" -> "new";
            case "unchanged" -> "unchanged";
            case "resolved" -> "absent";
            default -> null;
        };
    }

    private static ObjectNode location(ReportFinding finding) {
        ObjectNode location = JsonReport.mapper().createObjectNode();
        if (!Text.blank(finding.file())) {
            String uri = relativeUri(finding.file());
            if (uri != null) {
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri);
                if (finding.line() != null && finding.line() >= 1) {
                    physical.putObject("region").put("startLine", finding.line());
                }
                if (!Text.blank(finding.repository())) {
                    location.putObject("message").put("text", "in " + finding.repository());
                }
                return location;
            }
        }
        if (!Text.blank(finding.url()) && absoluteUri(finding.url()) != null) {
            location.putObject("physicalLocation").putObject("artifactLocation").put("uri", absoluteUri(finding.url()));
            return location;
        }
        String place = Text.place(finding);
        if (Text.blank(place)) {
            return null;
        }
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", place);
        logical.put("fullyQualifiedName", Text.target(finding) + (place.equals(Text.target(finding)) ? "" : "/" + place));
        logical.put("kind", finding.port() != null ? "port" : "host");
        return location;
    }

    /** A repository path as a relative URI reference: percent-encoded, forward slashes, no leading slash. */
    private static String relativeUri(String file) {
        String path = file.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String absoluteUri(String url) {
        try {
            URI uri = new URI(url.trim());
            return uri.isAbsolute() ? uri.toASCIIString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (!Text.blank(value)) {
            node.put(field, value);
        }
    }

    private static String slug(String value) {
        String slug = value.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "unnamed" : slug;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
