package io.reconcraft.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats a report is written in. */
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

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String fileExtension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ReportFormat> fromWire(String value) {
        return Arrays.stream(values()).filter(format -> format.wireName().equals(value)).findFirst();
    }
}
