package io.reconcraft.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Small null-safe helpers shared by the renderers. */
final class Text {

    /** Characters XML 1.0 forbids; tool output may carry them and the PDF path parses the page as XML. */
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Text() {
    }

    static String clean(String value) {
        return value == null ? "" : NOT_XML.matcher(value).replaceAll("");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String readable(Instant at) {
        return at == null ? "" : READABLE.format(at);
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
    }

    static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : values;
    }

    static Set<String> sections(ReportModel model) {
        if (model.sections() == null || model.sections().isEmpty()) {
            return Set.of("summary", "findings", "recommendations");
        }
        return model.sections().stream().filter(s -> s != null).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    static ReportChanges changes(ReportModel model) {
        return model.changes() == null ? new ReportChanges(0, 0, 0, List.of()) : model.changes();
    }

    /** Where a finding is, for people: {@code file:line}, the URL, or {@code host:port/protocol}. */
    static String place(ReportFinding finding) {
        if (!blank(finding.file())) {
            return finding.file() + (finding.line() == null ? "" : ":" + finding.line());
        }
        if (!blank(finding.url())) {
            return finding.url();
        }
        String host = blank(finding.host()) ? (blank(finding.target()) ? "" : finding.target()) : finding.host();
        if (finding.port() == null) {
            return host;
        }
        return host + ":" + finding.port() + (blank(finding.protocol()) ? "" : "/" + finding.protocol());
    }

    /** The target a finding is grouped under. */
    static String target(ReportFinding finding) {
        for (String candidate : new String[] {finding.target(), finding.host(), finding.repository(), finding.url()}) {
            if (!blank(candidate)) {
                return candidate;
            }
        }
        return "(no target)";
    }
}
