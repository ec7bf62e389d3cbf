package io.reconcraft.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a report shows about one run. Built by the findings service; rendered by {@link ReportRenderer}.
 *
 * @param sections       which of {@code summary, findings, recommendations} to include; null or empty means all
 * @param severityCounts active findings per severity ({@code critical, high, medium, low, info}); findings
 *                       triaged away are not counted. Null means: count {@code findings}
 * @param findings       the active findings (not triaged away)
 * @param triagedAway    findings triaged as false positive or accepted risk, listed apart
 */
public record ReportModel(String title, String runId, String workflowId, String workflowName, Instant generatedAt,
                          Set<String> sections, Map<String, Integer> severityCounts, ReportChanges changes,
                          List<ReportFinding> findings, List<ReportFinding> triagedAway, List<TimelineEntry> timeline) {
}
