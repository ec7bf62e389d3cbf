package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.StepRequested;
import io.reconcraft.toolrunner.execution.StepConfig;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.StepTargets;
import io.reconcraft.toolrunner.execution.live.PacedStepLog;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.SandboxException;
import io.reconcraft.toolrunner.sandbox.SandboxInvocation;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.SandboxRun;
import java.time.Duration;
import java.util.List;

/** Real nmap in the container sandbox; its XML becomes the same outputs the demo nmap produces, plus findings. */
public class LiveNmapExecutor implements StepExecutor {

    static final String TOOL = NodeKind.NMAP.wireName();
    /** Kept for callers on main written before StepOutcome (the gitleaks clone step); use StepOutcome. */
    public static final String TOOL_FAILED = StepOutcome.TOOL_FAILED.wire();
    public static final String INVALID_OUTPUT = StepOutcome.INVALID_OUTPUT.wire();

    private final ContainerSandbox sandbox;
    private final SandboxProperties properties;

    public LiveNmapExecutor(ContainerSandbox sandbox, SandboxProperties properties) {
        this.sandbox = sandbox;
        this.properties = properties;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.NMAP;
    }

    @Override
    public StepResult execute(StepRequested step, StepLog log) {
        return execute(null, step, log);
    }

    @Override
    public StepResult execute(String runId, StepRequested step, StepLog log) {
        StepConfig config = new StepConfig(TOOL, step.config());
        List<String> targets = StepTargets.of(step);
        Duration timeout = step.timeoutSeconds() > 0 ? Duration.ofSeconds(step.timeoutSeconds())
                : properties.defaultTimeout();
        NmapArguments nmap = NmapArguments.of(config.text("profile"), config.text("flags"), targets, timeout);
        SandboxInvocation invocation = new SandboxInvocation(TOOL, properties.images().nmap(), nmap.arguments(),
                properties.networks().nmap(), nmap.rawSockets(), timeout, runId, step.stepId());
        log.line("nmap " + String.join(" ", nmap.arguments()) + " [sandbox: " + invocation.image() + ", network "
                + invocation.networkMode() + (nmap.rawSockets() ? ", NET_RAW" : ", no capabilities") + "]");
        log.flush();
        SandboxRun run;
        try {
            run = sandbox.run(invocation, new PacedStepLog(log));
        } catch (SandboxException e) {
            return StepResult.failed(e.outcome(), e.getMessage());
        }
        if (run.exitCode() != 0) {
            return StepResult.failed(StepOutcome.TOOL_FAILED.wire(), "nmap exited with code " + run.exitCode()
                    + (run.lastLogLine() == null ? "" : ": " + run.lastLogLine()));
        }
        NmapScan scan;
        try {
            scan = NmapXmlParser.parse(run.stdout());
        } catch (NmapOutputException e) {
            return StepResult.failed(StepOutcome.INVALID_OUTPUT.wire(), e.getMessage());
        }
        return StepResult.succeeded(NmapFindings.of(scan), scan.toOutputs());
    }
}
