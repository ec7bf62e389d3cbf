package io.reconcraft.findings.store;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored report file's description (the Report of API.md); its bytes are in GridFS ({@code reportFiles} bucket), found by {@code metadata.reportId}. */
@Document("reports")
public record ReportRecord(@Id String id, String runId, String stepId, String nodeId, String format, String fileName,
                           String contentType, long size, Instant createdAt) {
}
