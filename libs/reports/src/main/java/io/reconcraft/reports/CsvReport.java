package io.reconcraft.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * One row per finding (the active ones, then those triaged away), RFC 4180: CRLF line ends, every field quoted,
 * quotes doubled. Findings come from untrusted tool output and CSV files get opened in spreadsheets, so a cell
 * that starts like a formula ({@code = + - @}, tab or carriage return) is prefixed with an apostrophe (OWASP's
 * advice against CSV injection).
 */
final class CsvReport {

    static final List<String> HEADER = List.of("findingId", "fingerprint", "severity", "change", "triage", "tool",
            "rule", "title", "target", "host", "port", "protocol", "service", "url", "repository", "file", "line",
            "cves", "description", "remediation", "triageNote");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n")
            .get();

    private CsvReport() {
    }

    static String render(ReportModel model) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(HEADER);
            for (ReportFinding finding : Text.list(model.findings())) {
                printer.printRecord(row(finding));
            }
            for (ReportFinding finding : Text.list(model.triagedAway())) {
                printer.printRecord(row(finding));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(ReportFinding f) {
        List<String> cells = new ArrayList<>();
        for (Object value : new Object[] {f.findingId(), f.fingerprint(), Severities.normalize(f.severity()),
                f.change(), f.triage(), f.tool(), f.rule(), f.title(), f.target(), f.host(), f.port(), f.protocol(),
                f.service(), f.url(), f.repository(), f.file(), f.line(), String.join(" ", Text.list(f.cves())),
                f.description(), f.remediation(), f.triageNote()}) {
            cells.add(safe(value == null ? "" : value.toString()));
        }
        return cells;
    }

    /** A cell a spreadsheet would run as a formula gets a leading apostrophe, which makes it plain text. */
    static String safe(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
