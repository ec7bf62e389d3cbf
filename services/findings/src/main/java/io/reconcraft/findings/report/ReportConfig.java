package io.reconcraft.findings.report;

import io.reconcraft.reports.ReportFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report node's config: what the Studio writes ({@code title}, {@code includeSections}) and ours
 * ({@code formats}, default html and json; {@code minSeverity}; {@code includeResolved}, default true).
 */
public record ReportConfig(String title, Set<String> sections, List<ReportFormat> formats, String minSeverity,
                           boolean includeResolved) {

    public static final Set<String> SECTIONS = Set.of("summary", "findings", "recommendations");
    public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    static final List<ReportFormat> DEFAULT_FORMATS = List.of(ReportFormat.HTML, ReportFormat.JSON);

    public static ReportConfig of(Map<String, Object> config) {
        Object title = config.get("title");
        Set<String> sections = new LinkedHashSet<>();
        Object included = config.get("includeSections");
        if (included instanceof List<?> list) {
            list.stream().filter(value -> value != null).map(value -> value.toString().trim().toLowerCase(Locale.ROOT))
                    .forEach(sections::add);
        }
        if (sections.isEmpty()) {
            sections.addAll(List.of("summary", "findings", "recommendations"));
        }
        String minSeverity = null;
        if (config.get("minSeverity") != null && !config.get("minSeverity").toString().isBlank()) {
            minSeverity = config.get("minSeverity").toString().trim().toLowerCase(Locale.ROOT);
            if (!SEVERITIES.contains(minSeverity)) {
                throw new IllegalArgumentException("minSeverity must be one of low, medium, high, critical");
            }
        }
        Object resolved = config.get("includeResolved");
        boolean includeResolved = resolved == null || Boolean.parseBoolean(resolved.toString());
        return new ReportConfig(title == null || title.toString().isBlank() ? null : title.toString().trim(),
                sections, formats(config.get("formats")), minSeverity, includeResolved);
    }

    public static List<ReportFormat> formats(Object value) {
        if (value == null) {
            return DEFAULT_FORMATS;
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("formats must be a list of html, pdf, json, sarif, csv");
        }
        List<ReportFormat> formats = new ArrayList<>();
        for (Object item : list) {
            String name = item == null ? "" : item.toString().trim().toLowerCase(Locale.ROOT);
            ReportFormat format = ReportFormat.fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                    "formats: '" + name + "' is not one of html, pdf, json, sarif, csv"));
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        return formats.isEmpty() ? DEFAULT_FORMATS : formats;
    }

    public boolean atLeastMinimum(String severity) {
        return minSeverity == null || SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(minSeverity);
    }
}
