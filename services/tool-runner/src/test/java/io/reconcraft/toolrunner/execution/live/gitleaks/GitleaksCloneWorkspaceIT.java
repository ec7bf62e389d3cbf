package io.reconcraft.toolrunner.execution.live.gitleaks;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.DockerEngine;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.Sandboxes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The clone workspace through a real container: the production entrypoint (scan-repo.sh) with git
 * clones a 24 MB repository served on loopback, larger than the 16 MB /tmp it used to clone into.
 */
class GitleaksCloneWorkspaceIT {

    private static final long REPOSITORY_BYTES = 24L * 1024 * 1024;
    private static final Pattern SCANNED = Pattern.compile("gitleaks-fake: scanning /workspace/repo \\((\\d+) KB\\)");

    @TempDir
    static Path dir;
    private static DockerEngine engine;
    private static LoopbackGitServer repository;

    @BeforeAll
    static void start() throws Exception {
        engine = Sandboxes.requireEngine();
        repository = LoopbackGitServer.withRandomFile(dir, REPOSITORY_BYTES);
    }

    @AfterAll
    static void stop() {
        if (repository != null) {
            repository.close();
        }
        if (engine != null) {
            Sandboxes.close(engine);
        }
    }

    private static LiveGitleaksExecutor gitleaks(DataSize workspace) {
        // host network: the repository is served on this machine's loopback
        SandboxProperties properties = new SandboxProperties(Sandboxes.dockerHost(),
                new SandboxProperties.Images(null, Sandboxes.GITLEAKS_CLONE_TEST_IMAGE),
                new SandboxProperties.Networks(null, "host"), null, Duration.ofMinutes(2), null, null, null, null,
                workspace);
        return new LiveGitleaksExecutor(new ContainerSandbox(engine, properties, Sandboxes.labels("gitleaks-clone-it")),
                properties);
    }

    private static StepRequested step() {
        return new StepRequested("run-clone-it:" + UUID.randomUUID(), "gitleaks-1", "gitleaks", "gitleaks",
                Map.of("repoUrl", repository.url(), "branch", "main"), List.of(), RunMode.LIVE, AuthorizedScope.NONE, 1,
                120, List.of());
    }

    @Test
    void givenARepositoryLargerThanTmp_whenTheWorkspaceHoldsIt_thenItIsClonedWholeAndScanned() {
        RecordingStepLog log = new RecordingStepLog();

        StepResult result = gitleaks(DataSize.ofMegabytes(64)).execute(new StepContext("run-clone-it", step(), log));

        assertThat(result.status()).as(result.error() + " " + log.lines).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.findings()).hasSize(1);
        Matcher scanned = log.lines.stream().map(SCANNED::matcher).filter(Matcher::matches).findFirst().orElseThrow(
                () -> new AssertionError("no scan line in " + log.lines));
        assertThat(Long.parseLong(scanned.group(1)) * 1024).isGreaterThan(REPOSITORY_BYTES);
        assertThat(log.lines).anySatisfy(line -> assertThat(line).endsWith("clone workspace 64 MB]"));
    }

    @Test
    void givenARepositoryLargerThanTheWorkspace_whenScanned_thenTheStepFailsSayingSoAndNoContainerIsLeft() {
        StepRequested step = step();

        StepResult result = gitleaks(DataSize.ofMegabytes(16)).execute(new StepContext("run-clone-it", step,
                new RecordingStepLog()));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.outcome()).isEqualTo("tool_failed");
        assertThat(result.error()).startsWith("the repository could not be cloned (it must be reachable, have the branch"
                + " and fit in the 16 MB clone workspace)");
        assertThat(engine.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Sandboxes.labelFilter(step.stepId())).exec()).isEmpty();
    }
}
