package io.reconcraft.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SarifReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Schema officialSchema;

    @BeforeAll
    static void loadTheOfficialSchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder ->
                builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream schema = SarifReportTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            officialSchema = registry.getSchema(schema);
        }
    }

    private static JsonNode sarif(ReportModel model) {
        return JSON.readTree(ReportRenderer.render(model, ReportFormat.SARIF));
    }

    private static List<JsonNode> results(JsonNode sarif) {
        return StreamSupport.stream(sarif.get("runs").get(0).get("results").spliterator(), false).toList();
    }

    private static JsonNode resultWithFingerprint(JsonNode sarif, String fingerprint) {
        return results(sarif).stream()
                .filter(r -> r.get("partialFingerprints").get("reconcraft/v1").asString().equals(fingerprint))
                .findFirst().orElseThrow();
    }

    @Test
    void givenADemoRunWhenRenderedAsSarifThenItIsValidAgainstTheOfficial210Schema() {
        JsonNode sarif = sarif(Reports.demoRun());

        List<Error> errors = officialSchema.validate(sarif);
        assertThat(errors).isEmpty();
        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs").get(0).get("tool").get("driver").get("name").asString()).isEqualTo("ReconCraft");
    }

    @Test
    void theSchemaCheckCanFail() {
        ObjectNode broken = (ObjectNode) sarif(Reports.demoRun());
        ((ObjectNode) broken.get("runs").get(0).get("results").get(0)).put("level", "catastrophic");
        broken.put("version", "2.0.0");

        assertThat(officialSchema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void givenARunWithNoFindingsWhenRenderedThenTheLogIsStillValidWithNoResults() {
        ReportModel empty = new ReportModel("Quiet", "run-2", null, null, null, null, null, null, List.of(), null, null);
        JsonNode sarif = sarif(empty);

        assertThat(officialSchema.validate(sarif)).isEmpty();
        assertThat(results(sarif)).isEmpty();
    }

    @Test
    void ruleIdsAreToolSlashKindAndEveryRuleIsDescribedByTheDriver() {
        JsonNode sarif = sarif(Reports.demoRun());

        assertThat(results(sarif)).extracting(r -> r.get("ruleId").asString()).containsExactly(
                "nmap/open-port", "nmap/risky-service", "nmap/vulnerability", "http-probe/missing-security-headers",
                "gitleaks/aws-access-token", "http-probe/version-disclosure");
        JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");
        for (JsonNode result : results(sarif)) {
            JsonNode rule = rules.get(result.get("ruleIndex").asInt());
            assertThat(rule.get("id").asString()).isEqualTo(result.get("ruleId").asString());
        }
        assertThat(rules.get(0).get("name").asString()).isEqualTo("NmapOpenPort");
    }

    @Test
    void ruleIdsAndFingerprintsAreTheSameOnEveryUploadSoScannersDeduplicate() {
        JsonNode first = sarif(Reports.demoRun());
        JsonNode again = sarif(Reports.model(List.of(Reports.sshPort(), Reports.awsKeyLeak())));

        JsonNode leakBefore = resultWithFingerprint(first, "fp-gitleaks-demo-app-config-aws");
        JsonNode leakAfter = resultWithFingerprint(again, "fp-gitleaks-demo-app-config-aws");
        assertThat(leakAfter.get("ruleId")).isEqualTo(leakBefore.get("ruleId"));
        assertThat(leakAfter.get("partialFingerprints")).isEqualTo(leakBefore.get("partialFingerprints"));
    }

    @Test
    void levelsFollowSeverity() {
        JsonNode sarif = sarif(Reports.demoRun());

        assertThat(resultWithFingerprint(sarif, "fp-nmap-127.0.0.1-22-tcp-CVE-2023-38408").get("level").asString()).isEqualTo("error");
        assertThat(resultWithFingerprint(sarif, "fp-nmap-127.0.0.1-6379-tcp-risky").get("level").asString()).isEqualTo("error");
        assertThat(resultWithFingerprint(sarif, "fp-nmap-127.0.0.1-22-tcp").get("level").asString()).isEqualTo("note");
        assertThat(SarifReport.level("medium")).isEqualTo("warning");
        assertThat(SarifReport.level("info")).isEqualTo("note");
    }

    @Test
    void aGitleaksFindingPointsAtItsFileAndLine() {
        JsonNode leak = resultWithFingerprint(sarif(Reports.demoRun()), "fp-gitleaks-demo-app-config-aws");

        JsonNode physical = leak.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("config/settings.py");
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(42);
    }

    @Test
    void aPortFindingHasALogicalLocationNamingHostPortAndProtocol() {
        JsonNode ssh = resultWithFingerprint(sarif(Reports.demoRun()), "fp-nmap-127.0.0.1-22-tcp");

        JsonNode logical = ssh.get("locations").get(0).get("logicalLocations").get(0);
        assertThat(logical.get("name").asString()).isEqualTo("127.0.0.1:22/tcp");
        assertThat(ssh.get("locations").get(0).has("physicalLocation")).isFalse();
    }

    @Test
    void anHttpCheckPointsAtTheUrlItProbed() {
        JsonNode headers = resultWithFingerprint(sarif(Reports.demoRun()), "fp-http-http://127.0.0.1:8080-headers");

        assertThat(headers.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString())
                .isEqualTo("http://127.0.0.1:8080/");
    }

    @Test
    void findingsTriagedAwayAreSuppressedWithTheTriageNoteAsJustification() {
        JsonNode sarif = sarif(Reports.demoRun());

        JsonNode accepted = resultWithFingerprint(sarif, "fp-http-http://127.0.0.1:8080-server");
        JsonNode suppression = accepted.get("suppressions").get(0);
        assertThat(suppression.get("kind").asString()).isEqualTo("external");
        assertThat(suppression.get("status").asString()).isEqualTo("accepted");
        assertThat(suppression.get("justification").asString()).isEqualTo("accepted risk: Internal lab server, patched monthly.");
        assertThat(resultWithFingerprint(sarif, "fp-nmap-127.0.0.1-22-tcp").has("suppressions")).isFalse();
    }

    @Test
    void newAndReopenedFindingsAreNewAgainstTheBaseline() {
        JsonNode sarif = sarif(Reports.demoRun());

        assertThat(resultWithFingerprint(sarif, "fp-nmap-127.0.0.1-6379-tcp-risky").get("baselineState").asString()).isEqualTo("new");
        assertThat(resultWithFingerprint(sarif, "fp-nmap-127.0.0.1-22-tcp-CVE-2023-38408").get("baselineState").asString()).isEqualTo("new");
        assertThat(resultWithFingerprint(sarif, "fp-nmap-127.0.0.1-22-tcp").get("baselineState").asString()).isEqualTo("unchanged");
    }

    @Test
    void givenAwkwardPathsAndUrlsWhenRenderedThenTheLogStaysValid() {
        ReportFinding spaced = new ReportFinding("f-x", "fp-x", "gitleaks", "high", "Secret in a spaced path",
                null, "repo", null, null, null, null, null, "repo", "/src/my config/sécret.env", 0, null, null, null,
                null, "new", "untriaged", null);
        ReportFinding badUrl = new ReportFinding("f-y", "fp-y", "http-probe", "low", "Odd URL", null, "127.0.0.1",
                "127.0.0.1", 80, "tcp", "http", "http://127.0.0.1/a b|c", null, null, null, "odd check!", null, null,
                null, null, null, null);
        JsonNode sarif = sarif(Reports.model(List.of(spaced, badUrl)));

        assertThat(officialSchema.validate(sarif)).isEmpty();
        JsonNode spacedLocation = resultWithFingerprint(sarif, "fp-x").get("locations").get(0).get("physicalLocation");
        assertThat(spacedLocation.get("artifactLocation").get("uri").asString()).isEqualTo("src/my%20config/s%C3%A9cret.env");
        assertThat(spacedLocation.has("region")).isFalse();
        assertThat(resultWithFingerprint(sarif, "fp-y").get("ruleId").asString()).isEqualTo("http-probe/odd-check");
    }
}
