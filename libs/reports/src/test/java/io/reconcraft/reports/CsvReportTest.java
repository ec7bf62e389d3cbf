package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    private static String csv(ReportModel model) {
        return new String(ReportRenderer.render(model, ReportFormat.CSV), StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void givenADemoRunWhenRenderedAsCsvThenThereIsAHeaderAndOneRowPerFinding() throws IOException {
        List<CSVRecord> rows = records(csv(Reports.demoRun()));

        assertThat(rows.get(0).values()).containsExactly("findingId", "fingerprint", "severity", "change", "triage",
                "tool", "rule", "title", "target", "host", "port", "protocol", "service", "url", "repository", "file",
                "line", "cves", "description", "remediation", "triageNote");
        assertThat(rows).hasSize(1 + 5 + 1);
        assertThat(rows.get(rows.size() - 1).get(4)).isEqualTo("accepted_risk");
    }

    @Test
    void aGitleaksLeakRowCarriesItsRepositoryFileAndLine() throws IOException {
        CSVRecord leak = records(csv(Reports.model(List.of(Reports.awsKeyLeak())))).get(1);

        assertThat(leak.get(14)).isEqualTo("https://git.example.test/acme/demo-app.git");
        assertThat(leak.get(15)).isEqualTo("config/settings.py");
        assertThat(leak.get(16)).isEqualTo("42");
    }

    @Test
    void everyFieldIsQuotedQuotesAreDoubledAndLinesEndInCrLf() throws IOException {
        ReportFinding quoted = Reports.titled(Reports.sshPort(), "He said \"open\", twice,\nthen left");
        String csv = csv(Reports.model(List.of(quoted)));

        assertThat(csv).contains("\"He said \"\"open\"\", twice,\nthen left\"");
        assertThat(csv.split("\r\n", -1)[0]).startsWith("\"findingId\",\"fingerprint\"");
        assertThat(csv).endsWith("\r\n");
        assertThat(records(csv).get(1).get(7)).isEqualTo("He said \"open\", twice,\nthen left");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingApostrophe() throws IOException {
        ReportFinding formula = Reports.titled(Reports.sshPort(), "=HYPERLINK(\"http://evil.test\",\"click\")");
        ReportFinding plus = Reports.titled(Reports.redisPort(), "+cmd|' /C calc'!A0");
        ReportFinding minus = Reports.titled(Reports.openSshCve(), "-2+3");
        ReportFinding at = Reports.titled(Reports.missingHeaders(), "@SUM(1+1)");
        List<CSVRecord> rows = records(csv(Reports.model(List.of(formula, plus, minus, at))));

        assertThat(rows.subList(1, 5)).extracting(row -> row.get(7)).containsExactly(
                "'=HYPERLINK(\"http://evil.test\",\"click\")", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1+1)");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        assertThat(CsvReport.safe("Open port 22/tcp (ssh)")).isEqualTo("Open port 22/tcp (ssh)");
        assertThat(CsvReport.safe("")).isEmpty();
        assertThat(CsvReport.safe("\tcmd")).isEqualTo("'\tcmd");
    }
}
