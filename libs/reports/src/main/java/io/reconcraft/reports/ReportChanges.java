package io.reconcraft.reports;

import java.util.List;

/** What changed since the previous run that covered the same tools and targets. */
public record ReportChanges(int newCount, int reopenedCount, int resolvedCount, List<ReportFinding> resolved) {
}
