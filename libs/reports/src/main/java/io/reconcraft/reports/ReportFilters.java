package io.reconcraft.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report node's own options ({@code minSeverity}, {@code includeResolved}) applied to a model. */
public final class ReportFilters {

    private ReportFilters() {
    }

    /**
     * Leaves out every finding (active, triaged away, resolved) less severe than {@code minSeverity} and zeroes
     * the counts below it. A null, blank or unknown {@code minSeverity} leaves the model as it is.
     */
    public static ReportModel atLeast(ReportModel model, String minSeverity) {
        if (minSeverity == null || minSeverity.isBlank() || !Severities.ORDER.contains(Severities.normalize(minSeverity))) {
            return model;
        }
        int floor = Severities.rank(minSeverity);
        ReportChanges changes = Text.changes(model);
        Map<String, Integer> counts = new LinkedHashMap<>(model.severityCounts() == null
                ? Severities.count(Text.list(model.findings())) : model.severityCounts());
        counts.replaceAll((severity, count) -> Severities.rank(severity) > floor ? 0 : count);
        return new ReportModel(model.title(), model.runId(), model.workflowId(), model.workflowName(),
                model.generatedAt(), model.sections(), counts,
                new ReportChanges(changes.newCount(), changes.reopenedCount(), changes.resolvedCount(),
                        keep(changes.resolved(), floor)),
                keep(model.findings(), floor), keep(model.triagedAway(), floor), model.timeline());
    }

    /** {@code includeResolved: false}: the resolved findings are not listed; their count stays. */
    public static ReportModel withoutResolvedList(ReportModel model) {
        ReportChanges changes = Text.changes(model);
        return new ReportModel(model.title(), model.runId(), model.workflowId(), model.workflowName(),
                model.generatedAt(), model.sections(), model.severityCounts(),
                new ReportChanges(changes.newCount(), changes.reopenedCount(), changes.resolvedCount(), List.of()),
                model.findings(), model.triagedAway(), model.timeline());
    }

    private static List<ReportFinding> keep(List<ReportFinding> findings, int floor) {
        return Text.list(findings).stream().filter(f -> Severities.rank(f.severity()) <= floor).toList();
    }
}
