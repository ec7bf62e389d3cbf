package io.reconcraft.toolrunner.execution.demo;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepExecutors;
import io.reconcraft.toolrunner.execution.ToolBackend;
import io.reconcraft.toolrunner.execution.parser.ParserExecutor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Demo runs: deterministic canned output, no network traffic at all. */
@Component
public class DemoToolBackend implements ToolBackend {

    private final StepExecutors executors = new StepExecutors(
            new DemoNmapExecutor(), new DemoHttpProbeExecutor(), new DemoGitleaksExecutor(), new ParserExecutor());

    @Override
    public RunMode mode() {
        return RunMode.DEMO;
    }

    @Override
    public Optional<StepExecutor> executorFor(NodeKind kind) {
        return executors.of(kind);
    }
}
