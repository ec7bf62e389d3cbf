package io.reconcraft.reports;

import java.util.Locale;
import java.util.Optional;

/** The file formats a report can be written in, with the names used on the wire and in file names. */
public enum ReportFormat {
    HTML("html", "text/html; charset=utf-8"),
    PDF("pdf", "application/pdf"),
    JSON("json", "application/json"),
    SARIF("sarif", "application/sarif+json"),
    CSV("csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The name used in node configs and the API: {@code html, pdf, json, sarif, csv}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file name extension without the dot. */
    public String fileExtension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of a wire name, ignoring case and surrounding blanks; empty for anything else. */
    public static Optional<ReportFormat> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        for (ReportFormat format : values()) {
            if (format.wireName().equalsIgnoreCase(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
