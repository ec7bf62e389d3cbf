package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void eachFormatHasALowerCaseWireNameAndTheFileExtensionOfItsName() {
        assertThat(ReportFormat.values()).extracting(ReportFormat::wireName)
                .containsExactly("html", "pdf", "json", "sarif", "csv");
        assertThat(ReportFormat.values()).extracting(ReportFormat::fileExtension)
                .containsExactly("html", "pdf", "json", "sarif", "csv");
    }

    @Test
    void contentTypesAreTheRegisteredOnesWithACharsetForText() {
        assertThat(ReportFormat.HTML.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(ReportFormat.PDF.contentType()).isEqualTo("application/pdf");
        assertThat(ReportFormat.JSON.contentType()).isEqualTo("application/json");
        assertThat(ReportFormat.SARIF.contentType()).isEqualTo("application/sarif+json");
        assertThat(ReportFormat.CSV.contentType()).isEqualTo("text/csv; charset=utf-8");
    }

    @Test
    void givenAWireNameInAnyCaseWhenLookedUpThenItsFormatIsFound() {
        assertThat(ReportFormat.fromWire("sarif")).contains(ReportFormat.SARIF);
        assertThat(ReportFormat.fromWire(" PDF ")).contains(ReportFormat.PDF);
    }

    @Test
    void givenAnUnknownOrMissingNameWhenLookedUpThenThereIsNoFormat() {
        assertThat(ReportFormat.fromWire("docx")).isEmpty();
        assertThat(ReportFormat.fromWire("")).isEmpty();
        assertThat(ReportFormat.fromWire(null)).isEmpty();
    }

    @Test
    void aReportFileIsNamedAfterItsRunWithNothingAFileSystemCouldMisread() {
        assertThat(ReportRenderer.fileName(Reports.demoRun(), ReportFormat.SARIF)).isEqualTo("reconcraft-run-7f3a9c.sarif");
        ReportModel odd = new ReportModel(null, "../../etc/passwd", null, null, null, null, null, null, null, null, null);
        assertThat(ReportRenderer.fileName(odd, ReportFormat.PDF)).isEqualTo("reconcraft-.._.._etc_passwd.pdf");
    }
}
