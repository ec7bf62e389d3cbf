package io.reconcraft.orchestrator.execute;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.workflow.ConfigValues;
import java.time.Duration;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Waits {@code config.duration} seconds (a number or a numeric string). Holds no thread: it only
 * returns the due time, which is stored in the run document and fired by the delay scheduler.
 */
@Component
@RequiredArgsConstructor
public class DelayExecutor implements InternalStepExecutor {

    private final OrchestratorProperties properties;

    @Override
    public NodeKind kind() {
        return NodeKind.DELAY;
    }

    @Override
    public InternalOutcome execute(StepContext context) {
        double seconds;
        try {
            seconds = ConfigValues.number(context.node().config(), "duration").orElse(0.0);
        } catch (IllegalArgumentException e) {
            return failed("config.duration " + e.getMessage() + " of seconds");
        }
        Duration delay = Duration.ofMillis(Math.round(seconds * 1000));
        if (delay.isNegative() || delay.compareTo(properties.maxDelay()) > 0) {
            return failed("config.duration must be between 0 and " + properties.maxDelay().toSeconds() + " seconds");
        }
        return new InternalOutcome.Waiting(context.now().plus(delay),
                List.of("waiting " + format(seconds) + " s until " + context.now().plus(delay)));
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private static InternalOutcome failed(String reason) {
        return new InternalOutcome.Completed(StepResult.failed(StepOutcome.INVALID_CONFIG.wire(), reason),
                List.of("delay failed: " + reason));
    }
}
