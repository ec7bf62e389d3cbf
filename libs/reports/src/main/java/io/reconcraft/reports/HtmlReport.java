package io.reconcraft.reports;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report as one self-contained XHTML page: inline CSS, no scripts, no external resources. JMustache escapes
 * every {@code {{value}}} for HTML; the template uses no unescaped {@code {{{value}}}}. The same page, being
 * well-formed XML, is what {@link PdfReport} lays out, so the two formats never drift apart.
 */
final class HtmlReport {

    private static final Template TEMPLATE = compile();

    private HtmlReport() {
    }

    static String render(ReportModel model) {
        return TEMPLATE.execute(HtmlView.of(model));
    }

    private static Template compile() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.xhtml.mustache")) {
            if (in == null) {
                throw new IllegalStateException("report.xhtml.mustache is missing from the classpath");
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true).zeroIsFalse(true)
                    .compile(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
