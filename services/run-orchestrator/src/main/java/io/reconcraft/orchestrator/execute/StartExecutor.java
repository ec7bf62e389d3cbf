package io.reconcraft.orchestrator.execute;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.orchestrator.store.StepResult;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class StartExecutor implements InternalStepExecutor {

    @Override
    public NodeKind kind() {
        return NodeKind.START;
    }

    @Override
    public InternalOutcome execute(StepContext context) {
        return new InternalOutcome.Completed(StepResult.succeeded(Map.of()),
                List.of("run " + context.runId() + " started"));
    }
}
