package io.reconcraft.orchestrator.retry;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.run.StepResult;
import io.reconcraft.orchestrator.run.TaskDocument;
import io.reconcraft.workflow.ConfigValues;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a failed task attempt is tried again, and after how long. Only failures that another attempt
 * may cure are retried ({@link StepOutcome#retryable()}), never while the run is cancelled. The wait is
 * exponential backoff with full jitter: a uniformly random time up to min(cap, base × 2^(n-1)), so tasks
 * that failed together do not retry together.
 */
@Component
public class RetryPolicy {

    public static final int MAX_RETRIES = 5;

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    @Autowired
    public RetryPolicy(OrchestratorProperties properties) {
        this(properties.retryBackoffBase(), properties.retryBackoffCap(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} gives values in [0, 1). */
    public RetryPolicy(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /**
     * {@code config.retries}: 0 to 5, a number or a numeric string, 0 when absent. Always 0 for the notifier's
     * steps (slack, discord): the notifier retries a delivery itself (attempts with backoff, up to its give-up
     * time), and retrying the step on top would multiply the two budgets — one failing alert posted up to
     * 6 × 5 times. One retry budget per notification: the notifier's.
     */
    public static int retriesOf(WorkflowNode node) {
        Optional<Double> value;
        try {
            value = ConfigValues.number(node.config(), "retries");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config.retries must be a whole number from 0 to " + MAX_RETRIES);
        }
        double retries = value.orElse(0.0);
        if (retries != Math.rint(retries) || retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("config.retries must be a whole number from 0 to " + MAX_RETRIES);
        }
        boolean notifierStep = NodeKind.fromWire(node.kind()).map(kind -> kind.executor() == NodeKind.Executor.NOTIFIER)
                .orElse(false);
        return notifierStep ? 0 : (int) retries;
    }

    /** The wait before the next attempt, or empty when this failure ends the task. */
    public Optional<Duration> retryDelay(int retries, TaskDocument task, StepResult result, boolean runCancelled) {
        boolean retryable = result.status() == RunStatus.FAILED && result.outcome() != null
                && StepOutcome.isRetryable(result.outcome());
        if (!retryable || runCancelled || task.retriesUsed() >= retries) {
            return Optional.empty();
        }
        return Optional.of(backoff(task.retriesUsed() + 1));
    }

    /** Full jitter for the {@code retry}-th retry (1-based). */
    public Duration backoff(int retry) {
        long ceiling = cap.toMillis();
        long exponential = base.toMillis();
        for (int i = 1; i < retry && exponential < ceiling; i++) {
            exponential *= 2;
        }
        long bound = Math.min(ceiling, exponential);
        return Duration.ofMillis((long) Math.floor(random.getAsDouble() * (bound + 1)));
    }
}
