package io.reconcraft.reports;

public record TimelineEntry(java.time.Instant at, String stepId, String nodeId, String kind, String status, String message) {}
