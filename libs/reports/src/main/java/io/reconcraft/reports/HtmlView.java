package io.reconcraft.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The template's context: plain maps of already-cleaned strings, so the template stays logic-less and every
 * value passes through the template engine's HTML escaping.
 */
final class HtmlView {

    private static final int EVIDENCE_LIMIT = 600;
    private static final int AFFECTED_LIMIT = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<ReportFinding> WORST_FIRST = Comparator
            .comparingInt((ReportFinding f) -> Severities.rank(f.severity()))
            .thenComparing(f -> f.port() == null ? Integer.MAX_VALUE : f.port())
            .thenComparing(f -> Text.clean(f.title()));

    private HtmlView() {
    }

    static Map<String, Object> of(ReportModel model) {
        Set<String> sections = Text.sections(model);
        List<ReportFinding> active = sorted(Text.list(model.findings()));
        List<ReportFinding> away = sorted(Text.list(model.triagedAway()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", Text.blank(model.title()) ? "Reconnaissance report" : Text.clean(model.title()));
        view.put("workflowName", Text.clean(model.workflowName()));
        view.put("runId", Text.clean(model.runId()));
        view.put("generatedAt", Text.readable(model.generatedAt()));
        view.put("showSummary", sections.contains("summary"));
        view.put("showFindings", sections.contains("findings"));
        view.put("showRecommendations", sections.contains("recommendations"));
        view.put("severities", severities(model, active));
        view.put("activeCount", active.size());
        view.put("triagedAwayCount", away.size());
        view.put("changes", changes(Text.changes(model)));
        view.put("targets", targets(active));
        view.put("noFindings", active.isEmpty());
        view.put("triagedAway", away.stream().map(HtmlView::row).toList());
        view.put("hasTriagedAway", !away.isEmpty());
        view.put("recommendations", recommendations(active));
        view.put("timeline", Text.list(model.timeline()).stream().map(HtmlView::timelineRow).toList());
        view.put("hasTimeline", !Text.list(model.timeline()).isEmpty());
        return view;
    }

    private static List<ReportFinding> sorted(List<ReportFinding> findings) {
        return findings.stream().sorted(WORST_FIRST).toList();
    }

    private static List<Map<String, Object>> severities(ReportModel model, List<ReportFinding> active) {
        Map<String, Integer> given = Text.map(model.severityCounts());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (String severity : Severities.ORDER) {
            int count = model.severityCounts() != null
                    ? given.getOrDefault(severity, 0)
                    : (int) active.stream().filter(f -> Severities.normalize(f.severity()).equals(severity)).count();
            cells.add(Map.of("name", severity, "label", Severities.label(severity), "count", count));
        }
        return cells;
    }

    private static Map<String, Object> changes(ReportChanges changes) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("newCount", changes.newCount());
        view.put("reopenedCount", changes.reopenedCount());
        view.put("resolvedCount", changes.resolvedCount());
        view.put("resolved", sorted(Text.list(changes.resolved())).stream().map(HtmlView::row).toList());
        view.put("hasResolved", !Text.list(changes.resolved()).isEmpty());
        return view;
    }

    private static List<Map<String, Object>> targets(List<ReportFinding> active) {
        Map<String, List<ReportFinding>> byTarget = new TreeMap<>();
        for (ReportFinding finding : active) {
            byTarget.computeIfAbsent(Text.clean(Text.target(finding)), key -> new ArrayList<>()).add(finding);
        }
        return byTarget.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<ReportFinding>> e) ->
                        Severities.rank(e.getValue().get(0).severity())).thenComparing(Map.Entry::getKey))
                .map(entry -> {
                    Map<String, Object> target = new LinkedHashMap<>();
                    target.put("name", entry.getKey());
                    target.put("count", entry.getValue().size());
                    target.put("findings", entry.getValue().stream().map(HtmlView::row).toList());
                    return target;
                }).toList();
    }

    static Map<String, Object> row(ReportFinding finding) {
        Map<String, Object> row = new LinkedHashMap<>();
        String severity = Severities.normalize(finding.severity());
        row.put("severity", Text.clean(severity));
        row.put("severityLabel", Text.clean(Severities.label(severity)));
        row.put("title", Text.clean(finding.title()));
        row.put("description", Text.clean(finding.description()));
        row.put("place", Text.clean(Text.place(finding)));
        row.put("target", Text.clean(Text.target(finding)));
        row.put("service", Text.clean(finding.service()));
        row.put("repository", Text.blank(finding.file()) ? "" : Text.clean(finding.repository()));
        row.put("tool", Text.clean(finding.tool()));
        row.put("rule", Text.clean(finding.rule()));
        row.put("cves", Text.clean(String.join(", ", Text.list(finding.cves()))));
        row.put("change", Text.clean(finding.change()));
        row.put("triage", Text.clean(finding.triage() == null ? "" : finding.triage().replace('_', ' ')));
        row.put("triageNote", Text.clean(finding.triageNote()));
        row.put("remediation", Text.clean(finding.remediation()));
        row.put("evidence", evidence(finding.evidence()));
        row.put("hasEvidence", !evidence(finding.evidence()).isEmpty());
        return row;
    }

    private static List<Map<String, Object>> evidence(Map<String, Object> evidence) {
        List<Map<String, Object>> items = new ArrayList<>();
        Text.map(evidence).forEach((key, value) -> {
            if (key != null && value != null) {
                items.add(Map.of("key", Text.clean(key), "value", Text.clean(shorten(evidenceText(value)))));
            }
        });
        return items;
    }

    private static String evidenceText(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof CharSequence || v instanceof Number)) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return JSON.writeValueAsString(value);
    }

    private static String shorten(String text) {
        return text.length() <= EVIDENCE_LIMIT ? text : text.substring(0, EVIDENCE_LIMIT) + " ... (shortened)";
    }

    private static List<Map<String, Object>> recommendations(List<ReportFinding> active) {
        Map<String, List<ReportFinding>> byRemedy = new LinkedHashMap<>();
        for (ReportFinding finding : active) {
            if (!Text.blank(finding.remediation())) {
                byRemedy.computeIfAbsent(finding.remediation().trim(), key -> new ArrayList<>()).add(finding);
            }
        }
        return byRemedy.entrySet().stream().map(entry -> {
            List<ReportFinding> findings = entry.getValue();
            String worst = Severities.normalize(findings.get(0).severity());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", Text.clean(worst));
            item.put("severityLabel", Text.clean(Severities.label(worst)));
            item.put("remediation", Text.clean(entry.getKey()));
            item.put("count", findings.size());
            item.put("affected", findings.stream().limit(AFFECTED_LIMIT)
                    .map(f -> Map.of("title", Text.clean(f.title()), "place", Text.clean(Text.place(f)))).toList());
            item.put("more", Math.max(0, findings.size() - AFFECTED_LIMIT));
            return item;
        }).toList();
    }

    private static Map<String, Object> timelineRow(TimelineEntry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at", Text.readable(entry.at()));
        row.put("step", Text.clean(Text.blank(entry.nodeId()) ? entry.stepId() : entry.nodeId()));
        row.put("kind", Text.clean(entry.kind()));
        row.put("status", Text.clean(entry.status()));
        row.put("message", Text.clean(entry.message()));
        return row;
    }
}
