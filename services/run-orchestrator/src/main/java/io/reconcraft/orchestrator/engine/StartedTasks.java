package io.reconcraft.orchestrator.engine;

import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.TaskRef;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tasks this instance started and has not heard back from, as they were started: where each lives in its run
 * document and its running state. A success reported for one of them is applied with one guarded update, without
 * reading the run first; the update's guard (running, this attempt) still decides, so a task that changed meanwhile
 * (cancelled, timed out, retried) is not touched and its result goes the reading way. Bounded: a task whose result
 * never comes is forgotten after enough newer ones, and one started before a restart is simply not here.
 */
@Component
class StartedTasks {

    /**
     * A task as started, and the run as the update that started it left it when that task was then the run's only
     * running one (null otherwise): what {@link StepHandOver} plans the step's end from.
     */
    record Started(TaskRef ref, RunDocument claimedRun) {
    }

    private final StepAttemptMemory<Started> started = new StepAttemptMemory<>(10_000);

    /** {@code ref} holds the task as it was started (running, with its request time). */
    void add(TaskRef ref, RunDocument claimedRun) {
        RunDocument kept = claimedRun != null && claimedRun.activeTasks() == 1 && !ref.isFanOut() ? claimedRun : null;
        started.put(ref.task().stepId(), ref.task().attempt(), new Started(ref, kept));
    }

    /** The started task that {@code stepId}'s {@code attempt} answers, once. */
    Optional<Started> take(String stepId, int attempt) {
        return started.take(stepId, attempt);
    }

    void forget(TaskRef ref) {
        started.take(ref.task().stepId(), ref.task().attempt());
    }
}
