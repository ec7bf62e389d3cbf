package io.reconcraft.toolrunner.execution.live;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.ToolBackend;
import io.reconcraft.toolrunner.execution.live.nmap.LiveNmapExecutor;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Live runs. Tools touch the network only from inside a locked-down container. nmap runs there;
 * the tools whose live executor is not built yet fail plainly instead of running on the host.
 */
@Component
public class SandboxToolBackend implements ToolBackend {

    private static final Set<String> NOT_YET_SANDBOXED = Set.of("http-probe", "gitleaks");

    private final Map<String, StepExecutor> executors;

    public SandboxToolBackend(ContainerSandbox sandbox, SandboxProperties properties) {
        this.executors = Map.of("nmap", new LiveNmapExecutor(sandbox, properties));
    }

    @Override
    public RunMode mode() {
        return RunMode.LIVE;
    }

    @Override
    public Optional<StepExecutor> executorFor(String kind) {
        if (executors.containsKey(kind)) {
            return Optional.of(executors.get(kind));
        }
        return NOT_YET_SANDBOXED.contains(kind) ? Optional.of(new NotYetSandboxed(kind)) : Optional.empty();
    }

    private record NotYetSandboxed(String kind) implements StepExecutor {

        @Override
        public StepResult execute(StepRequested step, StepLog log) {
            return StepResult.failed(StepResult.NOT_SUPPORTED,
                    "live execution of " + kind + " is not built yet (only nmap runs live so far)");
        }
    }
}
