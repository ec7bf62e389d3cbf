package io.reconcraft.toolrunner.execution.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.Steps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoGitleaksExecutorTest {

    private static final String REPO = "https://github.com/acme/payments";
    private final DemoGitleaksExecutor gitleaks = new DemoGitleaksExecutor();

    private StepResult scan(String repoUrl, RecordingStepLog log) {
        return gitleaks.execute(StepContext.of(Steps.demo("gitleaks", List.of(), Map.of("repoUrl", repoUrl,
                "branch", "main")), log));
    }

    @Test
    void givenAnHttpsRepository_whenScanned_thenTwoHighCwe798FindingsWithRedactedSecrets() {
        StepResult result = scan(REPO, new RecordingStepLog());

        assertThat(result.findings()).hasSize(2).allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.tool()).isEqualTo("gitleaks");
            assertThat(finding.metadata()).containsEntry("cwe", "CWE-798")
                    .containsKeys("rule", "file", "line", "secret");
            assertThat((String) finding.metadata().get("secret")).matches(".{4}…REDACTED");
        });
    }

    @Test
    void givenAScan_whenItsResultAndLogsAreSerialized_thenNoFullSecretAppears() throws Exception {
        RecordingStepLog log = new RecordingStepLog();
        StepResult result = scan(REPO, log);

        String serialized = EventCodec.mapper().writeValueAsString(result) + String.join("\n", log.lines);

        for (Finding finding : result.findings()) {
            String rule = (String) finding.metadata().get("rule");
            String secret = DemoGitleaksExecutor.demoSecret(((String) finding.metadata().get("secret")).substring(0, 4),
                    REPO + "|" + rule);
            assertThat(secret).hasSizeGreaterThan(8);
            assertThat(serialized).doesNotContain(secret).doesNotContain(secret.substring(0, 8));
        }
    }

    @Test
    void givenTheSameRepository_whenScannedTwice_thenFindingsAreIdentical() {
        assertThat(scan(REPO, new RecordingStepLog())).isEqualTo(scan(REPO, new RecordingStepLog()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc", "ssh://git@github.com/acme/payments.git", "git@github.com:acme/p.git",
            "http://github.com/acme/payments", "/srv/repos/payments"})
    void givenARepositoryThatIsNotHttps_whenScanned_thenItIsRefusedWithAReason(String repoUrl) {
        assertThatThrownBy(() -> scan(repoUrl, new RecordingStepLog()))
                .isInstanceOf(StepInputException.class)
                .hasMessageStartingWith("gitleaks repoUrl");
    }

    @Test
    void givenARepositoryUrlWithCredentials_whenScanned_thenItIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> scan("https://bob:hunter2@github.com/acme/payments", new RecordingStepLog()))
                .isInstanceOf(StepInputException.class)
                .hasMessage("gitleaks repoUrl must not carry credentials");
    }

    @Test
    void givenNoRepository_whenScanned_thenItIsRefusedWithAReason() {
        assertThatThrownBy(() -> gitleaks.execute(StepContext.of(Steps.demo("gitleaks", List.of(), Map.of()),
                new RecordingStepLog())))
                .isInstanceOf(StepInputException.class).hasMessage("gitleaks config 'repoUrl' is required");
    }
}
