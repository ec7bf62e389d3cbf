package io.reconcraft.launcher.demo;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a run document from GET /api/runs/{id} into plain text lines for the terminal. */
final class RunReport {

    private static final String LOG_INDENT = "      | ";
    private static final String FINDING_INDENT = "      ! ";
    private static final String[] SEVERITIES = {"critical", "high", "medium", "low"};

    private RunReport() {
    }

    static List<String> lines(JsonNode run) {
        List<String> lines = new ArrayList<>();
        lines.add("Run " + run.path("id").asString("?") + ": " + run.path("status").asString("unknown"));
        for (JsonNode step : run.path("steps")) {
            lines.addAll(step(step));
        }
        lines.add(summary(run.path("summary")));
        return lines;
    }

    static List<String> step(JsonNode step) {
        List<String> lines = new ArrayList<>();
        String name = step.path("name").asString(step.path("nodeId").asString("?"));
        lines.add("  [" + step.path("status").asString("?") + "] " + name + " (" + step.path("nodeId").asString("?") + ")");
        for (JsonNode log : step.path("logs")) {
            // a log entry may carry newlines (tool output); keep one terminal line per line
            for (String line : log.asString("").split("\\R", -1)) {
                lines.add(LOG_INDENT + line);
            }
        }
        for (JsonNode finding : step.path("findings")) {
            lines.add(FINDING_INDENT + finding(finding));
        }
        return lines;
    }

    static String finding(JsonNode finding) {
        StringBuilder text = new StringBuilder()
                .append(finding.path("severity").asString("info").toUpperCase(Locale.ROOT))
                .append(' ')
                .append(finding.path("title").asString("(untitled)"));
        String where = location(finding);
        if (!where.isEmpty()) {
            text.append(" [").append(where).append(']');
        }
        String description = finding.path("description").asString("");
        if (!description.isBlank()) {
            text.append(" - ").append(description.strip().replaceAll("\\s*\\R\\s*", " "));
        }
        return text.toString();
    }

    static String summary(JsonNode summary) {
        StringBuilder text = new StringBuilder("Summary: ")
                .append(summary.path("findingsCount").asInt(0)).append(" finding(s)");
        List<String> counts = new ArrayList<>();
        for (String severity : SEVERITIES) {
            counts.add(severity + " " + summary.path("severities").path(severity).asInt(0));
        }
        return text.append(" (").append(String.join(", ", counts)).append(')').toString();
    }

    private static String location(JsonNode finding) {
        String service = finding.path("service").asString("");
        JsonNode port = finding.path("port");
        String portText = port.isMissingNode() || port.isNull() ? "" : "port " + port.asString("");
        if (!service.isEmpty() && !portText.isEmpty()) {
            return service + ", " + portText;
        }
        return service.isEmpty() ? portText : service;
    }
}
