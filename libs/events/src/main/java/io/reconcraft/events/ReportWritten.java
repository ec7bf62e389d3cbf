package io.reconcraft.events;

/** A report file of a run was stored; {@code stepId} is null for a report made on demand. */
public record ReportWritten(String reportId, String stepId, String nodeId, String format, String fileName,
                            String contentType, long size) implements EventPayload {
}
