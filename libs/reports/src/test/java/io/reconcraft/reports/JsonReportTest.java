package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(ReportModel model) {
        return JSON.readTree(ReportRenderer.render(model, ReportFormat.JSON));
    }

    @Test
    void givenADemoRunWhenRenderedAsJsonThenTheModelsFieldNamesAreTheKeys() {
        JsonNode report = json(Reports.demoRun());

        assertThat(report.propertyNames()).containsExactly("title", "runId", "workflowId", "workflowName",
                "generatedAt", "sections", "severityCounts", "changes", "findings", "triagedAway", "timeline");
        assertThat(report.get("findings").get(0).propertyNames()).containsExactly("findingId", "fingerprint", "tool",
                "severity", "title", "description", "target", "host", "port", "protocol", "service", "url",
                "repository", "file", "line", "rule", "cves", "evidence", "remediation", "change", "triage",
                "triageNote");
    }

    @Test
    void timesAreIsoStringsAndSectionsAndCountsComeInReportOrder() {
        JsonNode report = json(Reports.demoRun());

        assertThat(report.get("generatedAt").asString()).isEqualTo("2026-12-01T18:30:00Z");
        assertThat(report.get("timeline").get(0).get("at").asString()).isEqualTo("2026-12-01T18:29:01Z");
        assertThat(report.get("sections").valueStream().map(JsonNode::asString).toList())
                .containsExactly("summary", "findings", "recommendations");
        assertThat(report.get("severityCounts").propertyNames())
                .containsExactly("critical", "high", "medium", "low", "info");
    }

    @Test
    void aGitleaksFindingKeepsItsFileLineAndEvidence() {
        JsonNode leak = json(Reports.model(List.of(Reports.awsKeyLeak()))).get("findings").get(0);

        assertThat(leak.get("file").asString()).isEqualTo("config/settings.py");
        assertThat(leak.get("line").asInt()).isEqualTo(42);
        assertThat(leak.get("evidence").get("secret").asString()).isEqualTo("AKIA************MPLE");
        assertThat(leak.get("change").asString()).isEqualTo("new");
    }

    @Test
    void absentValuesAreNullSoEveryReportHasTheSameShape() {
        JsonNode port = json(Reports.model(List.of(Reports.sshPort()))).get("findings").get(0);

        assertThat(port.get("file").isNull()).isTrue();
        assertThat(port.get("line").isNull()).isTrue();
    }
}
