package io.reconcraft.toolrunner.execution.demo;

import io.reconcraft.toolrunner.execution.parser.ParserExecutor;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.ToolBackend;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Demo runs: deterministic canned output, no network traffic at all. */
@Component
public class DemoToolBackend implements ToolBackend {

    private final Map<String, StepExecutor> executors = List.of(
                    new DemoNmapExecutor(), new DemoHttpProbeExecutor(), new DemoGitleaksExecutor(), new ParserExecutor())
            .stream().collect(Collectors.toUnmodifiableMap(StepExecutor::kind, Function.identity()));

    @Override
    public RunMode mode() {
        return RunMode.DEMO;
    }

    @Override
    public Optional<StepExecutor> executorFor(String kind) {
        return Optional.ofNullable(executors.get(kind));
    }
}
