package io.reconcraft.reports;

public record ReportModel(String title, String runId, String workflowId, String workflowName, java.time.Instant generatedAt,
    java.util.Set<String> sections /* summary, findings, recommendations */, java.util.Map<String,Integer> severityCounts,
    ReportChanges changes, java.util.List<ReportFinding> findings /* active */, java.util.List<ReportFinding> triagedAway,
    java.util.List<TimelineEntry> timeline) {}
