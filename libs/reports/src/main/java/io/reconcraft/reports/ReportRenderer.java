package io.reconcraft.reports;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns a {@link ReportModel} into the bytes of one file. Pure: no I/O, no shared mutable state, safe to call
 * from many threads. The PDF is laid out from the same XHTML page as the HTML file.
 */
public final class ReportRenderer {

    private ReportRenderer() {
    }

    public static byte[] render(ReportModel model, ReportFormat format) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case HTML -> HtmlReport.render(model).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfReport.render(HtmlReport.render(model));
            case JSON -> JsonReport.render(model);
            case SARIF -> SarifReport.render(model);
            case CSV -> CsvReport.render(model).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A file name for the report of a run: {@code reconcraft-<runId>.<extension>}, safe on every file system. */
    public static String fileName(ReportModel model, ReportFormat format) {
        String run = model.runId() == null ? "report" : model.runId().replaceAll("[^A-Za-z0-9._-]", "_");
        return "reconcraft-" + run + "." + format.fileExtension();
    }
}
