package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.toolrunner.execution.StepConfig;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.StepTargets;
import io.reconcraft.toolrunner.execution.live.SandboxCall;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.SandboxInvocation;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import java.time.Duration;

/** Real nmap in the container sandbox; its XML becomes the same outputs the demo nmap produces, plus findings. */
public class LiveNmapExecutor implements StepExecutor {

    static final String TOOL = NodeKind.NMAP.wireName();
    /** Kept for callers on main written before StepOutcome (the gitleaks clone step); use StepOutcome. */
    public static final String TOOL_FAILED = StepOutcome.TOOL_FAILED.wire();
    public static final String INVALID_OUTPUT = StepOutcome.INVALID_OUTPUT.wire();

    private final SandboxCall sandbox;

    public LiveNmapExecutor(ContainerSandbox sandbox, SandboxProperties properties) {
        this.sandbox = new SandboxCall(sandbox, properties);
    }

    @Override
    public StepResult execute(StepContext context) {
        StepRequested step = context.step();
        StepConfig config = new StepConfig(TOOL, step.config());
        Duration timeout = sandbox.timeoutOf(step);
        NmapArguments nmap = NmapArguments.of(config.text("profile"), config.text("flags"), StepTargets.of(step),
                timeout);
        SandboxProperties properties = sandbox.properties();
        SandboxInvocation invocation = new SandboxInvocation(TOOL, properties.images().nmap(), nmap.arguments(),
                properties.networks().nmap(), nmap.rawSockets(), timeout, context.runId(), step.stepId());
        String description = "nmap " + String.join(" ", nmap.arguments()) + " [sandbox: " + invocation.image()
                + ", network " + invocation.networkMode() + (nmap.rawSockets() ? ", NET_RAW" : ", no capabilities") + "]";
        return sandbox.run(invocation, description, context.log(), SandboxCall.ExitCheck.accepting(TOOL, 0), run -> {
            NmapScan scan = NmapXmlParser.parse(run.stdout());
            return StepResult.succeeded(NmapFindings.of(scan), scan.toOutputs());
        });
    }
}
