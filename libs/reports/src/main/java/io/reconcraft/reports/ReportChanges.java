package io.reconcraft.reports;

public record ReportChanges(int newCount, int reopenedCount, int resolvedCount, java.util.List<ReportFinding> resolved) {}
