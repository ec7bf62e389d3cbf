package io.reconcraft.toolrunner.execution.live;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.ToolBackend;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Live runs. Tools touch the network only from inside a locked-down container, and that sandbox is
 * not part of this build, so every live tool step fails plainly instead of running on the host.
 */
@Component
public class SandboxToolBackend implements ToolBackend {

    private static final Set<String> SANDBOXED_KINDS = Set.of("nmap", "http-probe", "gitleaks");

    @Override
    public RunMode mode() {
        return RunMode.LIVE;
    }

    @Override
    public Optional<StepExecutor> executorFor(String kind) {
        return SANDBOXED_KINDS.contains(kind) ? Optional.of(new SandboxMissing(kind)) : Optional.empty();
    }

    private record SandboxMissing(String kind) implements StepExecutor {

        @Override
        public StepResult execute(StepRequested step, StepLog log) {
            return StepResult.failed(StepResult.NOT_SUPPORTED,
                    "live execution of " + kind + " needs the container sandbox (not in this build)");
        }
    }
}
