package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReportTest {

    @Test
    void givenADemoRunWhenRenderedAsPdfThenAPdfLibraryReadsItsPagesAndText() throws IOException {
        byte[] pdf = ReportRenderer.render(Reports.demoRun(), ReportFormat.PDF);

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Weekly perimeter scan");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Weekly perimeter scan", "Findings by target",
                    "Risky service exposed: Redis on 6379/tcp", "config/settings.py:42", "Run timeline");
        }
    }

    @Test
    void theFindingsAreATableWithItsColumnHeadings() throws IOException {
        try (PDDocument document = Loader.loadPDF(ReportRenderer.render(Reports.demoRun(), ReportFormat.PDF))) {
            String text = new PDFTextStripper().getText(document);

            assertThat(text).containsPattern("SEVERITY\\s+FINDING\\s+WHERE\\s+CHANGE");
            assertThat(text).containsPattern("High\\s+Risky service exposed: Redis on 6379/tcp");
        }
    }

    @Test
    void givenManyFindingsWhenRenderedThenTheyFlowOverPagesAndEachPageRepeatsTheTableHeadings() throws IOException {
        try (PDDocument document = Loader.loadPDF(ReportRenderer.render(Reports.manyPorts(30), ReportFormat.PDF))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);

            assertThat(second).containsPattern("SEVERITY\\s+FINDING\\s+WHERE\\s+CHANGE");
            assertThat(second).contains("Page 2 of " + document.getNumberOfPages());
        }
    }

    @Test
    void givenAHostileTitleWhenRenderedAsPdfThenItIsPrintedAsText() throws IOException {
        ReportFinding hostile = Reports.titled(Reports.sshPort(), "<b>not bold</b> & <script>x</script>");
        byte[] pdf = ReportRenderer.render(Reports.model(java.util.List.of(hostile)), ReportFormat.PDF);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("<b>not bold</b> & <script>x</script>");
        }
    }
}
