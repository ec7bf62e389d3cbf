package io.reconcraft.toolrunner.execution.live.gitleaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.live.nmap.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitleaksReportParserTest {

    private static final byte[] SIMPLE = SharedFixtures.bytes("gitleaks/gitleaks-v8-simple.json");
    private static final byte[] MANY = SharedFixtures.bytes("gitleaks/gitleaks-v8-many.json");

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenTheSimpleV8Report_whenParsed_thenItsLeakComesOutWithTheSecretRedacted() {
        List<GitleaksLeak> leaks = GitleaksReportParser.parse(SIMPLE);

        assertThat(leaks).usingRecursiveFieldByFieldElementComparatorIgnoringFields("secretFingerprint")
                .containsExactly(new GitleaksLeak("test-rule", null, "auth.py", 1, "0000000000000000", "a se…REDACTED"));
    }

    @Test
    void givenTheManyLeaksV8Report_whenTurnedIntoFindings_thenEachPlaceIsOneHighCwe798FindingListingItsCommits() {
        List<Finding> findings = GitleaksFindings.of(GitleaksReportParser.parse(MANY), "https://example.org/repo.git", "main");

        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.metadata()).containsEntry("cwe", "CWE-798").containsKey("rule");
            assertThat(finding.target()).isEqualTo("https://example.org/repo.git");
        });
        Finding aws = findings.stream().filter(f -> "/conf/aws.tf".equals(f.metadata().get("file"))).findFirst().orElseThrow();
        assertThat(aws.metadata()).containsEntry("rule", "aws-access-token").containsEntry("line", 2)
                .containsEntry("secret", "secr…REDACTED")
                .containsEntry("commit", "74d53286c550630f80847d37f68aa3065554ac813544072ccd1278da71fafe31");
        assertThat((List<?>) aws.metadata().get("commits")).hasSize(2);
        assertThat(aws.title()).isEqualTo("Hard-coded secret: AWS in /conf/aws.tf:2");
    }

    @Test
    void givenAnyFixture_whenTurnedIntoFindings_thenNoFullSecretOrMatchAppearsAnywhere() {
        List<Finding> findings = GitleaksFindings.of(GitleaksReportParser.parse(MANY), "https://example.org/r", "main");

        assertThat(findings.toString()).doesNotContain("secretAWSsecret").doesNotContain("-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void givenAV7Report_whenParsed_thenLowerCaseKeysAreReadAndTheOffenderRedacted() {
        List<GitleaksLeak> leaks = GitleaksReportParser.parse(json("""
                [{"line": "aws_key = AKIAIOSFODNN7EXAMPLE", "lineNumber": 3, "offender": "AKIAIOSFODNN7EXAMPLE",
                  "commit": "abc123", "rule": "AWS Access Key", "file": "settings.py", "tags": "key, AWS"}]"""));

        assertThat(leaks).usingRecursiveFieldByFieldElementComparatorIgnoringFields("secretFingerprint")
                .containsExactly(new GitleaksLeak("AWS Access Key", "AWS Access Key", "settings.py", 3, "abc123",
                        "AKIA…REDACTED"));
    }

    @Test
    void givenTheV7ReportOfNoLeaks_whenParsed_thenThereAreNoLeaks() {
        assertThat(GitleaksReportParser.parse(json("null"))).isEmpty();
        assertThat(GitleaksReportParser.parse(json("null\n"))).isEmpty();
    }

    @Test
    void givenV7LeaksWithoutLineNumbers_whenTurnedIntoFindings_thenDifferentSecretsStayApartAndOneSecretIsOneFinding() {
        List<GitleaksLeak> leaks = GitleaksReportParser.parse(json("""
                [{"offender": "AKIAIOSFODNN7EXAMPLE", "commit": "c1", "rule": "AWS Access Key", "file": "settings.py"},
                 {"offender": "AKIAI44QH8DHBEXAMPLE", "commit": "c1", "rule": "AWS Access Key", "file": "settings.py"},
                 {"offender": "AKIAIOSFODNN7EXAMPLE", "commit": "c2", "rule": "AWS Access Key", "file": "settings.py"}]"""));

        List<Finding> findings = GitleaksFindings.of(leaks, "https://example.org/r", "main");

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).metadata().get("commits")).isEqualTo(List.of("c1", "c2"));
        assertThat(findings.get(1).metadata().get("commits")).isEqualTo(List.of("c1"));
        assertThat(findings.toString() + leaks).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("AKIAI44QH8DHBEXAMPLE");
    }

    @Test
    void givenAnEmptyArray_whenParsed_thenThereAreNoLeaks() {
        assertThat(GitleaksReportParser.parse(json("[]"))).isEmpty();
    }

    @Test
    void givenATruncatedReport_whenParsed_thenItFailsWithAReasonThatQuotesNothing() {
        byte[] truncated = Arrays.copyOf(SIMPLE, SIMPLE.length / 2);

        assertThatThrownBy(() -> GitleaksReportParser.parse(truncated)).isInstanceOf(GitleaksReportException.class)
                .hasMessageStartingWith("gitleaks report could not be parsed: malformed or truncated JSON")
                .hasMessageNotContaining("a secret");
    }

    @Test
    void givenSomethingThatIsNotAnArrayOfObjects_whenParsed_thenItFailsWithAReason() {
        assertThatThrownBy(() -> GitleaksReportParser.parse(json("{\"RuleID\": \"x\"}")))
                .hasMessage("gitleaks report could not be parsed: the report is not a JSON array");
        assertThatThrownBy(() -> GitleaksReportParser.parse(json("[1]")))
                .hasMessage("gitleaks report could not be parsed: entry 0 is not an object");
        assertThatThrownBy(() -> GitleaksReportParser.parse(json("  ")))
                .hasMessage("gitleaks report could not be parsed: the report is empty");
        assertThatThrownBy(() -> GitleaksReportParser.parse(json("[{\"RuleID\": \"r\", \"StartLine\": \"two\"}]")))
                .hasMessage("gitleaks report could not be parsed: entry 0 has a StartLine that is not a line number");
    }

    @Test
    void givenAShortSecret_whenRedacted_thenAtMostHalfOfItShows() {
        assertThat(GitleaksLeak.redact("abcdef")).isEqualTo("abc…REDACTED");
        assertThat(GitleaksLeak.redact("ghp_0123456789abcdef")).isEqualTo("ghp_…REDACTED");
        assertThat(GitleaksLeak.redact(null)).isEqualTo("…REDACTED");
    }

    private static final byte[] MOVED = json("""
            [{"RuleID": "aws-access-token", "Description": "AWS", "File": "conf/aws.tf", "StartLine": 40,
              "Commit": "c3", "Secret": "AKIAIOSFODNN7EXAMPLE", "Match": "key = AKIAIOSFODNN7EXAMPLE"},
             {"RuleID": "aws-access-token", "Description": "AWS", "File": "conf/aws.tf", "StartLine": 12,
              "Commit": "c1", "Secret": "AKIAIOSFODNN7EXAMPLE", "Match": "key = AKIAIOSFODNN7EXAMPLE"}]""");

    @Test
    void givenASecretWhoseLineMovedBetweenCommits_whenTurnedIntoFindings_thenItIsOneFindingCarryingTheSecretsKeyedHash() {
        SecretHasher hasher = new SecretHasher("k".repeat(32).getBytes(StandardCharsets.UTF_8));

        List<Finding> findings = GitleaksFindings.of(GitleaksReportParser.parse(MOVED, hasher), "https://example.org/r", "main");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.metadata()).containsEntry("secretHash", hasher.hash("AKIAIOSFODNN7EXAMPLE"))
                    .containsEntry("line", 40);
            assertThat(finding.metadata().get("commits")).isEqualTo(List.of("c3", "c1"));
        });
        assertThat(findings.toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("OSFODNN7");
    }

    @Test
    void givenTheSameReportInTwoRuns_whenHashedWithTheSameKey_thenTheSecretHashIsTheSame_andAnotherKeyGivesAnother() {
        SecretHasher stack = new SecretHasher("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        SecretHasher sameKeyAfterARestart = new SecretHasher("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        SecretHasher otherStack = new SecretHasher("o".repeat(32).getBytes(StandardCharsets.UTF_8));

        String first = GitleaksReportParser.parse(MOVED, stack).get(0).secretFingerprint();

        assertThat(GitleaksReportParser.parse(MOVED, sameKeyAfterARestart).get(0).secretFingerprint()).isEqualTo(first);
        assertThat(GitleaksReportParser.parse(MOVED, otherStack).get(0).secretFingerprint()).isNotEqualTo(first);
        // keyed: not the plain SHA-256 anyone could compute from a guessed secret
        assertThat(first).matches("[0-9a-f]{64}")
                .isNotEqualTo(io.reconcraft.toolrunner.execution.FindingFactory.sha256Hex("AKIAIOSFODNN7EXAMPLE"));
    }

    @Test
    void givenLeaksWithoutASecret_whenTurnedIntoFindings_thenTheLineTellsThemApartAndNoHashIsSent() {
        List<GitleaksLeak> leaks = GitleaksReportParser.parse(json("""
                [{"rule": "Generic", "file": "a.env", "lineNumber": 1, "commit": "c1"},
                 {"rule": "Generic", "file": "a.env", "lineNumber": 2, "commit": "c1"}]"""));

        List<Finding> findings = GitleaksFindings.of(leaks, "https://example.org/r", "main");

        assertThat(findings).hasSize(2).allSatisfy(finding -> assertThat(finding.metadata()).doesNotContainKey("secretHash"));
    }
}
