package io.reconcraft.toolrunner.execution.live.gitleaks;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.toolrunner.execution.RepositoryUrl;
import io.reconcraft.toolrunner.execution.StepConfig;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.live.PacedStepLog;
import io.reconcraft.toolrunner.execution.live.nmap.LiveNmapExecutor;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.SandboxException;
import io.reconcraft.toolrunner.sandbox.SandboxInvocation;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.SandboxRun;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gitleaks in the container sandbox. The runner never clones on its host: the image's entrypoint
 * (infra/tools/gitleaks/scan-repo.sh) clones the https repository inside the container and runs
 * {@code gitleaks detect} on it, writing the JSON report to stdout. Only a validated https URL without
 * credentials and a plain branch name reach it, as separate arguments, never through a shell.
 * The clone gets a writable {@code /workspace} of {@code reconcraft.toolrunner.clone-workspace}
 * (a size-limited tmpfs): a repository that does not fit fails its step with a reason.
 */
public class LiveGitleaksExecutor implements StepExecutor {

    static final String TOOL = NodeKind.GITLEAKS.wireName();
    /** gitleaks exits 1 when it found leaks, 0 when it found none; anything else is a failure. */
    private static final int LEAKS_FOUND = 1;
    /** scan-repo.sh's exit code when git could not clone (unreachable, unknown branch, or too large). */
    static final int CLONE_FAILED = 3;

    private final ContainerSandbox sandbox;
    private final SandboxProperties properties;
    private final SecretHasher secrets;

    /** Secret hashes of this process only: enough where nothing is compared across runs (tests). */
    public LiveGitleaksExecutor(ContainerSandbox sandbox, SandboxProperties properties) {
        this(sandbox, properties, SecretHasher.ephemeral());
    }

    public LiveGitleaksExecutor(ContainerSandbox sandbox, SandboxProperties properties, SecretHasher secrets) {
        this.sandbox = sandbox;
        this.properties = properties;
        this.secrets = secrets;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.GITLEAKS;
    }

    @Override
    public StepResult execute(StepRequested step, StepLog log) {
        return execute(null, step, log);
    }

    @Override
    public StepResult execute(String runId, StepRequested step, StepLog log) {
        StepConfig config = new StepConfig(TOOL, step.config());
        RepositoryUrl repo = RepositoryUrl.parse(config.requiredText("repoUrl"));
        String branch = RepositoryUrl.branch(config.text("branch"));
        Duration timeout = step.timeoutSeconds() > 0 ? Duration.ofSeconds(step.timeoutSeconds())
                : properties.defaultTimeout();
        List<String> arguments = List.of("--repo-url", repo.display(), "--branch", branch, "--report-path", "/dev/stdout");
        SandboxInvocation invocation = new SandboxInvocation(TOOL, properties.images().gitleaks(), arguments,
                properties.networks().gitleaks(), false, timeout, runId, step.stepId(), properties.cloneWorkspace());
        log.line("gitleaks " + repo.display() + " (branch " + branch + ") [sandbox: " + invocation.image()
                + ", network " + invocation.networkMode() + ", no capabilities, clone workspace "
                + ContainerSandbox.megabytes(properties.cloneWorkspace()) + "]");
        log.flush();
        SandboxRun run;
        try {
            run = sandbox.run(invocation, new PacedStepLog(log));
        } catch (SandboxException e) {
            return StepResult.failed(e.outcome(), e.getMessage());
        }
        if (run.exitCode() == CLONE_FAILED) {
            return StepResult.failed(LiveNmapExecutor.TOOL_FAILED, "the repository could not be cloned (it must be"
                    + " reachable, have the branch and fit in the " + ContainerSandbox.megabytes(properties.cloneWorkspace())
                    + " clone workspace)" + (run.lastLogLine() == null ? "" : ": " + run.lastLogLine()));
        }
        if (run.exitCode() != 0 && run.exitCode() != LEAKS_FOUND) {
            return StepResult.failed(StepOutcome.TOOL_FAILED.wire(), "gitleaks exited with code " + run.exitCode()
                    + (run.lastLogLine() == null ? "" : ": " + run.lastLogLine()));
        }
        List<GitleaksLeak> leaks;
        try {
            leaks = GitleaksReportParser.parse(run.stdout(), secrets);
        } catch (GitleaksReportException e) {
            return StepResult.failed(StepOutcome.INVALID_OUTPUT.wire(), e.getMessage());
        }
        List<Finding> findings = GitleaksFindings.of(leaks, repo.display(), branch);
        log.line("leaks found: " + leaks.size() + " (" + findings.size() + " distinct)");
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("repository", repo.display());
        outputs.put("branch", branch);
        outputs.put("leaks", findings.size());
        return StepResult.succeeded(findings, outputs);
    }
}
