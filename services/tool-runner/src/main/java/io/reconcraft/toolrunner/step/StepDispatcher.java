package io.reconcraft.toolrunner.step;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.ToolBackend;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Finds the executor for a step's mode and kind, and turns whatever goes wrong inside it into a failed result. */
@Component
public class StepDispatcher {

    private static final Logger log = LoggerFactory.getLogger(StepDispatcher.class);

    private final List<ToolBackend> backends;

    public StepDispatcher(List<ToolBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    public StepResult execute(StepRequested step, StepLog stepLog) {
        return execute(null, step, stepLog);
    }

    public StepResult execute(String runId, StepRequested step, StepLog stepLog) {
        Optional<StepExecutor> executor = backends.stream()
                .filter(backend -> backend.mode() == step.runMode())
                .findFirst()
                .flatMap(backend -> backend.executorFor(step.kind()));
        if (executor.isEmpty()) {
            return StepResult.failed(StepOutcome.NOT_SUPPORTED.wire(), "the " + step.kind() + " node is not executable yet");
        }
        try {
            return executor.get().execute(new StepContext(runId, step, stepLog));
        } catch (EventPublisher.EventPublishingException e) {
            throw e;
        } catch (StepInputException e) {
            return StepResult.failed(StepOutcome.INVALID_INPUT.wire(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} step {} failed unexpectedly", step.kind(), step.stepId(), e);
            return StepResult.failed(StepOutcome.ERROR.wire(), "the " + step.kind() + " step failed unexpectedly: "
                    + e.getClass().getSimpleName());
        }
    }
}
