package io.reconcraft.reports;

import java.time.Instant;

/** One thing that happened during the run: a step started, logged, finished. */
public record TimelineEntry(Instant at, String stepId, String nodeId, String kind, String status, String message) {
}
