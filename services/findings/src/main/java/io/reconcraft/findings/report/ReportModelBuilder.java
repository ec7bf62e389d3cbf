package io.reconcraft.findings.report;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.findings.sorting.RunResolver;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.RunStore;
import io.reconcraft.findings.store.StepRecord;
import io.reconcraft.findings.store.StepStore;
import io.reconcraft.findings.store.TimelineStore;
import io.reconcraft.reports.ReportChanges;
import io.reconcraft.reports.ReportFinding;
import io.reconcraft.reports.ReportModel;
import io.reconcraft.reports.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A run's report from what this service knows of it: the findings of its steps with their change in this run
 * (false positives and accepted risks listed apart and left out of the totals), what it resolves, and its timeline.
 */
@Component
@RequiredArgsConstructor
public class ReportModelBuilder {

    private final RunStore runs;
    private final StepStore steps;
    private final FindingStore findings;
    private final TimelineStore timeline;
    private final RunResolver resolver;

    public Mono<ReportModel> build(String runId, ReportConfig config, Instant now) {
        return runs.byId(runId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(run -> steps.ofRun(runId).collectList().flatMap(known -> {
                    Map<String, String> changeById = new LinkedHashMap<>();
                    for (StepRecord step : known) {
                        for (FindingsUpdated.FindingChange change : step.changes()) {
                            changeById.putIfAbsent(change.findingId(), change.change());
                        }
                    }
                    Mono<List<FindingRecord>> seen = changeById.isEmpty() ? Mono.just(List.of())
                            : findings.byIds(changeById.keySet(), runId).collectList();
                    Mono<List<FindingRecord>> resolved = resolver.preview(run.orElse(null), runId, known, now)
                            .collectList();
                    Mono<List<TimelineEntry>> entries = timeline.ofRun(runId)
                            .map(e -> new TimelineEntry(e.at(), e.stepId(), e.nodeId(), e.kind(), e.status(), e.message()))
                            .collectList();
                    return Mono.zip(seen, resolved, entries).map(parts -> model(runId, run.orElse(null), config, now,
                            changeById, parts.getT1(), parts.getT2(), parts.getT3()));
                }));
    }

    private static ReportModel model(String runId, RunRecord run, ReportConfig config, Instant now,
                                     Map<String, String> changeById, List<FindingRecord> seen,
                                     List<FindingRecord> resolved, List<TimelineEntry> timeline) {
        List<ReportFinding> active = new ArrayList<>();
        List<ReportFinding> away = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        ReportConfig.SEVERITIES.forEach(severity -> counts.put(severity, 0));
        int newCount = 0;
        int reopenedCount = 0;
        List<FindingRecord> ordered = new ArrayList<>(seen);
        ordered.sort(Comparator.comparing((FindingRecord record) -> -ReportConfig.SEVERITIES.indexOf(record.severity()))
                .thenComparing(record -> String.valueOf(record.target())).thenComparing(FindingRecord::title));
        for (FindingRecord record : ordered) {
            String change = changeById.getOrDefault(record.id(), "unchanged");
            ReportFinding finding = ReportFindings.of(record, change);
            if (record.triagedAway()) {
                away.add(finding);
                continue;
            }
            if (!config.atLeastMinimum(record.severity())) {
                continue;
            }
            active.add(finding);
            counts.merge(record.severity(), 1, Integer::sum);
            newCount += "new".equals(change) ? 1 : 0;
            reopenedCount += "reopened".equals(change) ? 1 : 0;
        }
        List<ReportFinding> resolvedFindings = resolved.stream().filter(record -> !record.triagedAway())
                .map(record -> ReportFindings.of(record, "resolved")).toList();
        ReportChanges changes = new ReportChanges(newCount, reopenedCount, resolvedFindings.size(),
                config.includeResolved() ? resolvedFindings : List.of());
        String workflowName = run == null ? null : run.workflowName();
        String title = config.title() != null ? config.title()
                : "ReconCraft report" + (workflowName == null ? "" : ": " + workflowName);
        return new ReportModel(title, runId, run == null ? null : run.workflowId(), workflowName, now,
                config.sections(), counts, changes, active, away, timeline);
    }
}
