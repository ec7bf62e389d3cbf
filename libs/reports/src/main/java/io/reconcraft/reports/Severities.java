package io.reconcraft.reports;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Severity names in report order, worst first, and how findings of unknown severity sort (last). */
public final class Severities {

    /** Worst first. */
    public static final List<String> ORDER = List.of("critical", "high", "medium", "low", "info");

    private Severities() {
    }

    /** The wire name of a severity, lower case; {@code info} for null or blank. */
    public static String normalize(String severity) {
        if (severity == null || severity.isBlank()) {
            return "info";
        }
        return severity.trim().toLowerCase(Locale.ROOT);
    }

    /** 0 for critical up to 4 for info; unknown names sort after info. */
    public static int rank(String severity) {
        int index = ORDER.indexOf(normalize(severity));
        return index < 0 ? ORDER.size() : index;
    }

    /** Findings per severity, every severity present (0 when none), in report order. */
    public static Map<String, Integer> count(Collection<ReportFinding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ORDER.forEach(severity -> counts.put(severity, 0));
        if (findings != null) {
            findings.stream().filter(f -> f != null).map(f -> normalize(f.severity()))
                    .forEach(severity -> counts.merge(severity, 1, Integer::sum));
        }
        return counts;
    }

    /** Capitalised for people: {@code High}. */
    public static String label(String severity) {
        String name = normalize(severity);
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
