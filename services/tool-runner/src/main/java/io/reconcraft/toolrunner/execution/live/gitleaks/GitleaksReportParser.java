package io.reconcraft.toolrunner.execution.live.gitleaks;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a gitleaks JSON report: the v8 array (RuleID, File, StartLine, Commit, Secret, ...) and the
 * v7 one (rule, file, lineNumber, commit, offender; {@code null} when nothing was found). Anything else — empty, truncated, not an array
 * of objects — is a {@link GitleaksReportException}. Secrets are redacted here, as they are read.
 */
public final class GitleaksReportParser {

    static final int MAX_LEAKS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GitleaksReportParser() {
    }

    /** With a key of this process only: for tests that compare leaks within one parse. */
    static List<GitleaksLeak> parse(byte[] report) {
        return parse(report, SecretHasher.ephemeral());
    }

    public static List<GitleaksLeak> parse(byte[] report, SecretHasher hasher) {
        if (report == null || new String(report, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new GitleaksReportException("the report is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(report);
        } catch (JacksonException e) {
            throw new GitleaksReportException("malformed or truncated JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root != null && root.isNull()) {
            return List.of(); // gitleaks v7 writes null when it found nothing
        }
        if (root == null || !root.isArray()) {
            throw new GitleaksReportException("the report is not a JSON array");
        }
        if (root.size() > MAX_LEAKS) {
            throw new GitleaksReportException("more than " + MAX_LEAKS + " leaks");
        }
        List<GitleaksLeak> leaks = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode entry = root.get(i);
            if (!entry.isObject()) {
                throw new GitleaksReportException("entry " + i + " is not an object");
            }
            leaks.add(leakOf(entry, i, hasher));
        }
        return leaks;
    }

    private static GitleaksLeak leakOf(JsonNode entry, int index, SecretHasher hasher) {
        boolean v8 = entry.has("RuleID");
        String rule = text(entry, v8 ? "RuleID" : "rule");
        if (rule == null) {
            throw new GitleaksReportException("entry " + index + " names no rule (RuleID or rule)");
        }
        String secret = v8 ? text(entry, "Secret") : text(entry, "offender");
        return new GitleaksLeak(rule, text(entry, v8 ? "Description" : "rule"), text(entry, v8 ? "File" : "file"),
                number(entry, v8 ? "StartLine" : "lineNumber", index), text(entry, v8 ? "Commit" : "commit"),
                GitleaksLeak.redact(secret), hasher.hash(secret));
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    private static Integer number(JsonNode entry, String field, int index) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new GitleaksReportException("entry " + index + " has a " + field + " that is not a line number");
        }
        return value.asInt();
    }
}
