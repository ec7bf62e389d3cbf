package io.reconcraft.gateway.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Examples of the shapes ReconCraft Studio reads (API.md, marked Studio), attached to the schemas springdoc
 * derives from the response records, so the records themselves stay free of documentation annotations.
 */
final class StudioExamples implements OpenApiCustomizer {

    private static final String AT = "2026-11-29T10:15:30Z";
    private static final String LATER = "2026-11-29T10:16:12Z";

    static final Map<String, Object> EXAMPLES = Map.of(
            "Workflow", map(
                    "id", "wf-6f1c", "name", "External perimeter", "authorizedTargets", true,
                    "createdAt", AT, "updatedAt", AT,
                    "nodes", List.of(
                            map("id", "start", "kind", "start", "label", "Start", "category", "utilities",
                                    "config", map(), "position", map("x", 0, "y", 0)),
                            map("id", "scan", "kind", "nmap", "label", "Port scan", "category", "recon",
                                    "config", map("targets", List.of(), "profile", "quick", "flags", "-sV"),
                                    "position", map("x", 240, "y", 0))),
                    "edges", List.of(map("id", "e1", "source", "start", "target", "scan"))),
            "RunView", map(
                    "id", "run-9a2e", "workflowId", "wf-6f1c", "workflowName", "External perimeter",
                    "status", "succeeded", "targets", List.of("127.0.0.1"), "runMode", "live",
                    "startedAt", AT, "endedAt", LATER, "duration", 42.0,
                    "steps", List.of(map("nodeId", "scan", "name", "Port scan", "status", "succeeded",
                            "logs", List.of("Starting nmap -sT -sV 127.0.0.1", "22/tcp open ssh"),
                            "findings", List.of(map("id", "f-1", "severity", "low", "title", "Open port 22/tcp",
                                    "description", "ssh is reachable", "service", "ssh", "port", 22)),
                            "startedAt", AT, "completedAt", LATER)),
                    "summary", map("findingsCount", 1,
                            "severities", map("low", 1, "medium", 0, "high", 0, "critical", 0))),
            "AuthorizedTarget", map("id", "t-12", "value", "10.0.0.0/24", "tags", List.of("lab"), "createdAt", AT),
            "ExecuteResponse", map("runId", "run-9a2e", "status", "queued", "message", "Run queued"),
            "ApiKeyView", map("id", "k-3", "name", "ci", "keyPrefix", "rc_3fa9", "role", "operator",
                    "createdAt", AT, "expiresAt", "2027-02-27T10:15:30Z"),
            "HealthStatus", map("status", "healthy", "database", "up", "kafka", "up", "timestamp", AT),
            "DashboardMetrics", map("totalWorkflows", 4, "totalRuns", 31,
                    "runsByStatus", map("queued", 0, "running", 1, "succeeded", 27, "failed", 3),
                    "successRate", 0.9, "activeApiKeys", 2, "authorizedTargetsCount", 5));

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        EXAMPLES.forEach((name, example) -> {
            Schema schema = schemas.get(name);
            if (schema != null) {
                schema.setExample(example);
            }
        });
    }
}
