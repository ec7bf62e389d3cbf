package io.reconcraft.orchestrator.engine;

import org.springframework.stereotype.Component;

/**
 * The results of steps this instance ran itself and advanced their runs past, on the thread that stored them. When
 * the StepCompleted comes back from run-events there is nothing left to apply or advance, so it is passed over
 * without reading the run. After a restart this memory is empty and such a result is read and advanced as any other,
 * which is what catches up a run whose advance a crash interrupted. Bounded: entries of results that never come back
 * are forgotten after enough newer ones.
 */
@Component
class AdvancedResults {

    private final StepAttemptMemory<Boolean> advanced = new StepAttemptMemory<>(10_000);

    void add(String stepId, int attempt) {
        advanced.put(stepId, attempt, Boolean.TRUE);
    }

    /** Whether {@code stepId}'s {@code attempt} was advanced past here; true once. */
    boolean take(String stepId, int attempt) {
        return advanced.take(stepId, attempt).isPresent();
    }
}
