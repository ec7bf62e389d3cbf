package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static Document html(ReportModel model) {
        return Jsoup.parse(new String(ReportRenderer.render(model, ReportFormat.HTML), StandardCharsets.UTF_8));
    }

    @Test
    void givenADemoRunWhenRenderedAsHtmlThenTheTitleAndRunAreInTheHeader() {
        Document page = html(Reports.demoRun());

        assertThat(page.title()).isEqualTo("Weekly perimeter scan");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Weekly perimeter scan");
        assertThat(page.selectFirst("header").text())
                .contains("Perimeter: nmap + http-probe", "run-7f3a9c", "2026-12-01 18:30:00 UTC");
    }

    @Test
    void theSummaryCountsActiveFindingsBySeverityWorstFirst() {
        Document page = html(Reports.demoRun());

        List<String> cards = page.select("#summary table.cards td").eachText();
        assertThat(cards).containsExactly("1 Critical", "2 High", "0 Medium", "2 Low", "0 Info");
    }

    @Test
    void theSummarySaysWhatChangedSinceThePreviousRunAndListsWhatWasResolved() {
        Document page = html(Reports.demoRun());

        assertThat(page.selectFirst("#summary .changes").text()).isEqualTo("3 new 1 reopened 1 resolved");
        assertThat(page.select("#summary table.resolved tbody tr").eachText())
                .singleElement().asString().contains("Open port 21/tcp (ftp)", "127.0.0.1:21/tcp");
    }

    @Test
    void findingsAreGroupedByTargetWithTheWorstTargetFirst() {
        Document page = html(Reports.demoRun());

        List<String> targets = page.select("#findings .target h3").eachText();
        assertThat(targets).containsExactly("127.0.0.1 (4 finding(s))",
                "https://git.example.test/acme/demo-app.git (1 finding(s))");
        Element loopback = page.select("#findings .target").first();
        assertThat(loopback.select("tbody tr .ftitle").eachText()).containsExactly(
                "CVE-2023-38408 (CVSS 9.8) on 22/tcp",
                "Risky service exposed: Redis on 6379/tcp",
                "Open port 22/tcp (ssh)",
                "Missing security headers on http://127.0.0.1:8080/");
    }

    @Test
    void eachFindingShowsItsEvidenceRemediationPlaceAndChange() {
        Document page = html(Reports.demoRun());

        Element leak = rowTitled(page, "Hard-coded secret: AWS Access Key in config/settings.py:42");
        assertThat(leak.select(".ev").text()).contains("cwe: CWE-798", "commit: 9f2c1e7", "secret: AKIA************MPLE");
        assertThat(leak.select(".fix").text())
                .isEqualTo("Fix: Revoke the key in AWS IAM, rotate it, and remove it from the git history.");
        assertThat(leak.select(".mono").text()).isEqualTo("config/settings.py:42");
        assertThat(leak.select(".chg").text()).isEqualTo("new");

        Element headers = rowTitled(page, "Missing security headers on http://127.0.0.1:8080/");
        assertThat(headers.select(".ev").text())
                .contains("missingHeaders: Content-Security-Policy, X-Frame-Options, X-Content-Type-Options");
    }

    @Test
    void findingsTriagedAwayAreListedApartAndNotAmongTheActiveOnes() {
        Document page = html(Reports.demoRun());

        assertThat(page.select("#findings table.findings").text()).doesNotContain("Version disclosed in Server");
        Element triaged = page.selectFirst("#findings table.triaged tbody tr");
        assertThat(triaged.text()).contains("Version disclosed in Server on http://127.0.0.1:8080/",
                "accepted risk", "Internal lab server, patched monthly.");
    }

    @Test
    void recommendationsListEachRemediationOnceWithTheFindingsItFixes() {
        Document page = html(Reports.demoRun());

        List<String> items = page.select("#recommendations ol.recs > li").eachText();
        assertThat(items).hasSize(5);
        assertThat(items.get(0)).startsWith("Critical Upgrade OpenSSH to 9.3p2 or later.")
                .contains("Applies to 1 finding(s): CVE-2023-38408 (CVSS 9.8) on 22/tcp");
    }

    @Test
    void givenManyFindingsWithTheSameRemediationThenItIsRecommendedOnceNamingAFewAndCountingTheRest() {
        Document page = html(Reports.manyPorts(12));

        List<String> items = page.select("#recommendations ol.recs > li").eachText();
        assertThat(items).singleElement().asString()
                .contains("Close ports that serve nothing needed.", "Applies to 12 finding(s):", "and 4 more");
    }

    @Test
    void theRunTimelineListsEveryEntryInOrder() {
        Document page = html(Reports.demoRun());

        List<String> rows = page.select("#timeline tbody tr").eachText();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).contains("2026-12-01 18:29:01 UTC", "nmap-1", "running", "nmap -sV 127.0.0.1");
        assertThat(rows.get(4)).contains("report-1", "writing html, pdf");
    }

    @Test
    void givenOnlyTheSummarySectionWhenRenderedThenFindingsAndRecommendationsAreLeftOut() {
        Document page = html(Reports.withSections(Reports.demoRun(), Set.of("summary")));

        assertThat(page.select("#summary")).hasSize(1);
        assertThat(page.select("#findings")).isEmpty();
        assertThat(page.select("#recommendations")).isEmpty();
        assertThat(page.select("#timeline")).hasSize(1);
    }

    @Test
    void givenAFindingTitleWithAScriptWhenRenderedThenItIsTextNotMarkup() {
        ReportFinding hostile = Reports.titled(Reports.sshPort(), "<script>alert('owned')</script><img src=x onerror=alert(1)>");
        ReportModel model = Reports.withTitle(Reports.model(List.of(hostile)), "Scan </title><script>alert(2)</script>");
        String raw = new String(ReportRenderer.render(model, ReportFormat.HTML), StandardCharsets.UTF_8);

        assertThat(raw).doesNotContain("<script", "<img");
        assertThat(raw).contains("&lt;script&gt;alert(");
        Document page = Jsoup.parse(raw);
        assertThat(page.select("script, img")).isEmpty();
        assertThat(page.select("#findings table.findings .ftitle").text()).isEqualTo(hostile.title());
        assertThat(page.title()).isEqualTo("Scan </title><script>alert(2)</script>");
    }

    @Test
    void thePageIsSelfContainedWithNoScriptsAndNothingLoadedFromElsewhere() {
        Document page = html(Reports.demoRun());

        assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
        assertThat(page.select("[src], [href]")).isEmpty();
        assertThat(page.select("style").html()).doesNotContain("url(", "@import");
    }

    @Test
    void thePageIsWellFormedXhtmlEvenWithControlCharactersInToolOutput() throws Exception {
        ReportFinding noisy = Reports.titled(Reports.sshPort(), "banner\u0000with\u001bcontrol & \"quotes\"");
        byte[] bytes = ReportRenderer.render(Reports.model(List.of(noisy)), ReportFormat.HTML);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("bannerwithcontrol &amp; &quot;quotes&quot;");
    }

    @Test
    void givenARunWithNoFindingsWhenRenderedThenTheReportSaysSo() {
        ReportModel empty = new ReportModel("Quiet run", "run-1", "wf-1", "Quiet", Reports.GENERATED, null,
                Map.of(), null, List.of(), null, null);
        Document page = html(empty);

        assertThat(page.select("#findings .empty").text()).isEqualTo("No active findings.");
        assertThat(page.select("#summary table.cards td").eachText()).containsExactly(
                "0 Critical", "0 High", "0 Medium", "0 Low", "0 Info");
        assertThat(page.select("#timeline .empty").text()).isEqualTo("No timeline recorded.");
    }

    private static Element rowTitled(Document page, String title) {
        return page.select("#findings table.findings tbody tr").stream()
                .filter(row -> row.select(".ftitle").text().equals(title)).findFirst().orElseThrow();
    }
}
