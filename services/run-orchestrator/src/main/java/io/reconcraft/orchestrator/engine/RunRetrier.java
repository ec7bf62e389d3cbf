package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.RunRetryRequested;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.TaskDocument;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a failed run again from where it failed. Steps that succeeded (or were skipped) keep their result
 * and outputs; every other step is queued again as its next attempt, and inside a step that fans out only
 * the tasks that did not succeed run again. The run goes back to running (RunStatusChanged with outcome
 * {@code retrying}) and ends with a new RunCompleted. A retry of a run that is running or succeeded changes
 * nothing; two retries of the same failed run restart it once (the restart is conditional on the round).
 */
@Component
@RequiredArgsConstructor
public class RunRetrier {

    private static final Logger log = LoggerFactory.getLogger(RunRetrier.class);

    private final RunStore store;
    private final RunAdvancer advancer;
    private final EventPublisher publisher;

    public void retry(String runId, RunRetryRequested request) {
        Optional<RunDocument> found = store.find(runId);
        if (found.isEmpty()) {
            log.warn("ignoring retry of unknown run {}", runId);
            return;
        }
        RunDocument run = found.get();
        if (run.runStatus() != RunStatus.FAILED) {
            log.info("ignoring retry of run {} requested by {}: it is {}, only a failed run is retried", runId,
                    request.requestedBy(), run.status());
            return;
        }
        List<StepDocument> steps = run.steps().stream().map(RunRetrier::again).toList();
        if (!store.restartRun(run, steps)) {
            log.info("ignoring retry of run {}: another retry restarted it already", runId);
            return;
        }
        long again = steps.stream().filter(step -> step.runStatus() == RunStatus.QUEUED).count();
        try {
            publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, StepOutcome.RETRYING, "retry requested by "
                    + request.requestedBy() + ": " + again + " of " + steps.size() + " steps run again"));
        } catch (RuntimeException e) {
            store.undoRestart(run);
            throw e;
        }
        log.info("run {} retried by {}: {} steps run again", runId, request.requestedBy(), again);
        advancer.advance(runId);
    }

    static StepDocument again(StepDocument step) {
        if (step.runStatus() == RunStatus.SUCCEEDED) {
            return step;
        }
        List<TaskDocument> tasks = step.tasks().stream()
                .map(task -> task.runStatus() == RunStatus.SUCCEEDED ? task : task.requeued(task.attempt() + 1))
                .toList();
        return step.requeued(step.attempt() + 1, tasks);
    }
}
