package io.reconcraft.toolrunner.execution.live.gitleaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.DockerEngine;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.Sandboxes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gitleaks executor through a real container: the stand-in image writes a real v8 report, as gitleaks would. */
class LiveGitleaksIT {

    private static DockerEngine engine;
    private static LiveGitleaksExecutor gitleaks;

    @BeforeAll
    static void engine() {
        engine = Sandboxes.requireEngine();
        SandboxProperties properties = new SandboxProperties(Sandboxes.dockerHost(),
                new SandboxProperties.Images(null, Sandboxes.GITLEAKS_FAKE_IMAGE), new SandboxProperties.Networks(null, "none"),
                null, Duration.ofMinutes(1), null, null, null);
        gitleaks = new LiveGitleaksExecutor(new ContainerSandbox(engine, properties, Sandboxes.labels("gitleaks-it")),
                properties);
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            Sandboxes.close(engine);
        }
    }

    private static StepRequested step(Map<String, Object> config) {
        return new StepRequested("run-gitleaks-it:" + UUID.randomUUID(), "gitleaks-1", "gitleaks", "gitleaks", config,
                List.of(), RunMode.LIVE, AuthorizedScope.NONE, 1, 60, List.of());
    }

    @Test
    void givenAnHttpsRepository_whenScannedInTheSandbox_thenTheReportBecomesARedactedHighFinding() {
        RecordingStepLog log = new RecordingStepLog();

        StepResult result = gitleaks.execute(new StepContext("run-gitleaks-it", step(Map.of("repoUrl",
                "https://example.org/team/app.git",
                "branch", "develop")), log));

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.target()).isEqualTo("https://example.org/team/app.git");
            assertThat(finding.metadata()).containsEntry("cwe", "CWE-798").containsEntry("rule", "test-rule")
                    .containsEntry("file", "auth.py").containsEntry("line", 1).containsEntry("secret", "a se…REDACTED")
                    .containsEntry("branch", "develop");
        });
        assertThat(result.outputs()).containsEntry("leaks", 1).containsEntry("branch", "develop");
        assertThat(log.lines).contains("gitleaks-fake: scanning (test image, nothing is cloned)");
        assertThat(String.join("\n", log.lines) + result).doesNotContain("a secret").doesNotContain("line containing secret");
    }

    @Test
    void givenASshRepository_whenScanned_thenItIsRefusedBeforeAnyContainerStarts() {
        StepRequested step = step(Map.of("repoUrl", "ssh://git@example.org/team/app.git"));

        assertThatThrownBy(() -> gitleaks.execute(new StepContext("run-gitleaks-it", step, new RecordingStepLog())))
                .isInstanceOf(StepInputException.class)
                .hasMessage("gitleaks repoUrl must be an https URL (got scheme 'ssh')");
        assertThat(engine.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Sandboxes.labelFilter(step.stepId())).exec()).isEmpty();
    }
}
