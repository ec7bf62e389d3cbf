package io.reconcraft.orchestrator.retry;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.workflow.FullJitter;
import io.reconcraft.workflow.NodeKinds;
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

    public static final int MAX_RETRIES = NodeKinds.MAX_RETRIES;

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
     * {@code config.retries} as its node kind allows it ({@link io.reconcraft.workflow.NodeDescriptor#retriesOf}):
     * always 0 for the notifier's steps, which retry a delivery themselves.
     */
    public static int retriesOf(WorkflowNode node) {
        try {
            return NodeKinds.of(node.kind()).map(kind -> kind.retriesOf(node)).orElseGet(() -> NodeKinds.retries(node.config()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config.retries " + e.getMessage());
        }
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
        long bound = FullJitter.ceilingMillis(base, cap, retry);
        return Duration.ofMillis((long) Math.floor(random.getAsDouble() * (bound + 1)));
    }
}
