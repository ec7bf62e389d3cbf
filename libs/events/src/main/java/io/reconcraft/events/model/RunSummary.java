package io.reconcraft.events.model;

import java.util.Collection;

/** The Studio's run summary: how many findings, by severity. */
public record RunSummary(int findingsCount, SeverityCounts severities) {

    public static RunSummary of(Collection<Finding> findings) {
        SeverityCounts counts = SeverityCounts.of(findings);
        return new RunSummary(counts.total(), counts);
    }
}
