package io.reconcraft.toolrunner.execution.live.gitleaks;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.toolrunner.execution.RepositoryUrl;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.live.SandboxCall;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.SandboxInvocation;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.SandboxRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final SandboxCall sandbox;
    private final SecretHasher secrets;

    /** Secret hashes of this process only: enough where nothing is compared across runs (tests). */
    public LiveGitleaksExecutor(ContainerSandbox sandbox, SandboxProperties properties) {
        this(sandbox, properties, SecretHasher.ephemeral());
    }

    public LiveGitleaksExecutor(ContainerSandbox sandbox, SandboxProperties properties, SecretHasher secrets) {
        this.sandbox = new SandboxCall(sandbox, properties);
        this.secrets = secrets;
    }

    @Override
    public StepResult execute(StepContext context) {
        StepRequested step = context.step();
        StepLog log = context.log();
        RepositoryUrl.Checkout checkout = RepositoryUrl.Checkout.of(step.config());
        RepositoryUrl repo = checkout.repo();
        String branch = checkout.branch();
        SandboxProperties properties = sandbox.properties();
        List<String> arguments = List.of("--repo-url", repo.display(), "--branch", branch, "--report-path", "/dev/stdout");
        SandboxInvocation invocation = new SandboxInvocation(TOOL, properties.images().gitleaks(), arguments,
                properties.networks().gitleaks(), false, sandbox.timeoutOf(step), context.runId(), step.stepId(),
                properties.cloneWorkspace());
        String description = "gitleaks " + repo.display() + " (branch " + branch + ") [sandbox: " + invocation.image()
                + ", network " + invocation.networkMode() + ", no capabilities, clone workspace "
                + ContainerSandbox.megabytes(properties.cloneWorkspace()) + "]";
        SandboxCall.ExitCheck exits = SandboxCall.ExitCheck.accepting(TOOL, 0, LEAKS_FOUND);
        return sandbox.run(invocation, description, log, run -> cloneFailure(run).or(() -> exits.failure(run)), run -> {
            List<GitleaksLeak> leaks = GitleaksReportParser.parse(run.stdout(), secrets);
            List<Finding> findings = GitleaksFindings.of(leaks, repo.display(), branch);
            log.line("leaks found: " + leaks.size() + " (" + findings.size() + " distinct)");
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("repository", repo.display());
            outputs.put("branch", branch);
            outputs.put("leaks", findings.size());
            return StepResult.succeeded(findings, outputs);
        });
    }

    private Optional<String> cloneFailure(SandboxRun run) {
        return run.exitCode() != CLONE_FAILED ? Optional.empty() : Optional.of("the repository could not be cloned (it"
                + " must be reachable, have the branch and fit in the "
                + ContainerSandbox.megabytes(sandbox.properties().cloneWorkspace()) + " clone workspace)"
                + SandboxCall.lastLine(run));
    }
}
