package io.reconcraft.reports;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * PLACEHOLDER of the agreed interface, so the findings service can be built and tested before the reports
 * module lands: json and a plain html page only. The reports module's own ReportRenderer replaces this file.
 */
public final class ReportRenderer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportRenderer() {
    }

    public static byte[] render(ReportModel model, ReportFormat format) {
        return switch (format) {
            case JSON -> JSON.writeValueAsBytes(model);
            case HTML -> html(model).getBytes(StandardCharsets.UTF_8);
            default -> throw new UnsupportedOperationException(format.wireName() + " reports are not rendered yet");
        };
    }

    private static String html(ReportModel model) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(model.title())).append("</title></head><body><h1>").append(escape(model.title()))
                .append("</h1><table><tr><th>Severity</th><th>Title</th><th>Target</th><th>Change</th></tr>");
        for (ReportFinding finding : model.findings()) {
            page.append("<tr><td>").append(escape(finding.severity())).append("</td><td>").append(escape(finding.title()))
                    .append("</td><td>").append(escape(finding.target())).append("</td><td>")
                    .append(escape(finding.change())).append("</td></tr>");
        }
        return page.append("</table></body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
