package io.reconcraft.orchestrator.engine;

import io.micrometer.core.instrument.Timer;
import io.reconcraft.events.model.StepId;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.metrics.HandOverTimes;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskRef;
import io.reconcraft.orchestrator.store.WrittenRuns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a StepCompleted to the task (or, for kinds the orchestrator runs itself, the step) it answers.
 * Only the current attempt of a running task is changed; a duplicate, a result for an older attempt or a
 * late result changes nothing. The run is advanced either way, which is a
 * no-op when nothing is pending and catches up after a crash between applying and advancing.
 */
@Component
@RequiredArgsConstructor
public class StepResultIntake {

    private static final Logger log = LoggerFactory.getLogger(StepResultIntake.class);

    private final RunStore store;
    private final RunAdvancer advancer;
    private final TaskResults taskResults;
    private final StartedTasks startedTasks;
    private final StepHandOver handOver;
    private final TaskHandOver taskHandOver;
    private final AdvancedResults advanced;
    private final WrittenRuns writtenRuns;
    private final HandOverTimes handOverTimes;
    private final Clock clock;

    public void apply(String runId, StepCompleted completed) {
        applyAll(runId, List.of(completed));
    }

    /** A result that needs the run as it is now: read it, apply the result to what it answers, advance. */
    private void applyByReading(String runId, StepCompleted completed) {
        writtenRuns.take(runId); // a leftover of an earlier pass on this thread
        Optional<RunDocument> run = store.find(runId);
        if (run.isEmpty()) {
            log.warn("ignoring StepCompleted {} of unknown run {}", completed.stepId(), runId);
            return;
        }
        int index = completed.nodeId() == null ? -1 : run.get().indexOf(completed.nodeId());
        if (index < 0) {
            log.warn("ignoring StepCompleted {} for node {}: not a step of run {}", completed.stepId(),
                    completed.nodeId(), runId);
            return;
        }
        StepDocument step = run.get().steps().get(index);
        int task = completed.stepId() == null ? -1 : step.taskIndexOf(completed.stepId());
        if (task >= 0) {
            applyToTask(run.get(), TaskRef.of(run.get(), index, task), completed);
        } else if (!step.hasTasks() && StepId.of(runId, completed.nodeId()).wire().equals(completed.stepId())) {
            // A step the orchestrator ran itself (stored before its StepCompleted was sent: nothing to write), or one
            // claimed before steps had tasks.
            if (step.runStatus() == RunStatus.RUNNING && step.attempt() == completed.attempt()) {
                store.completeStep(runId, index, completed.attempt(), resultOf(completed), clock.instant());
            }
        } else {
            // Includes the merged StepCompleted this service publishes for a step that fans out.
            log.debug("StepCompleted {} answers no task of node {} in run {}", completed.stepId(),
                    completed.nodeId(), runId);
        }
        // Our update's result if it won; otherwise the run as just read (a later change is advanced by its writer).
        advancer.advanceFrom(writtenRuns.take(runId).orElse(run.get()));
    }

    /**
     * Several results of one run, in the order they came: the successes for tasks this instance started are applied
     * together in one guarded update (should it lose, one at a time), the others as {@link #apply} does, and the run
     * is advanced once — a wide step's results then cost a few updates and advances, not one of each per result.
     */
    public void applyAll(String runId, List<StepCompleted> results) {
        Timer.Sample arrival = handOverTimes.arrived();
        List<StepCompleted> successes = new ArrayList<>();
        List<StartedTasks.Started> asStarted = new ArrayList<>();
        List<StepCompleted> others = new ArrayList<>();
        for (StepCompleted completed : results) {
            if (completed.stepId() != null && advanced.take(completed.stepId(), completed.attempt())) {
                continue; // this instance ran the step and advanced the run past it
            }
            Optional<StartedTasks.Started> started = completed.stepId() == null ? Optional.empty()
                    : startedTasks.take(completed.stepId(), completed.attempt());
            if (started.isPresent() && isSuccessOf(started.get().ref(), runId, completed)) {
                successes.add(completed);
                asStarted.add(started.get());
            } else {
                others.add(completed);
            }
        }
        writtenRuns.take(runId); // a leftover of an earlier pass on this thread
        if (successes.size() == 1 && others.isEmpty()
                && handOver.succeeded(asStarted.get(0), resultOf(successes.get(0)), arrival)) {
            return; // ended, the next nodes claimed and requested, and the run advanced
        }
        List<TaskRef> refs = asStarted.stream().map(StartedTasks.Started::ref).toList();
        if (!successes.isEmpty() && others.isEmpty()
                && taskHandOver.succeeded(runId, refs, successes.stream().map(StepResultIntake::resultOf).toList())) {
            return; // ended, the next waiting tasks started and requested, and the run advanced
        }
        if (successes.size() > 1 && !taskResults.allSucceededAsStarted(refs,
                successes.stream().map(StepResultIntake::resultOf).toList())) {
            for (int i = 0; i < successes.size(); i++) {
                if (!taskResults.succeededAsStarted(refs.get(i), resultOf(successes.get(i)))) {
                    others.add(successes.get(i)); // changed meanwhile: read and applied as any other result
                }
            }
        } else if (successes.size() == 1 && !taskResults.succeededAsStarted(refs.get(0), resultOf(successes.get(0)))) {
            others.add(successes.get(0));
        }
        if (others.isEmpty()) {
            if (!successes.isEmpty()) {
                advancer.advanceAfterOwnUpdate(runId);
            }
            return;
        }
        others.forEach(completed -> applyByReading(runId, completed)); // each advances the run as it then is
    }

    private static boolean isSuccessOf(TaskRef started, String runId, StepCompleted completed) {
        return completed.status() == RunStatus.SUCCEEDED && started.runId().equals(runId)
                && started.step().nodeId().equals(completed.nodeId());
    }

    private void applyToTask(RunDocument run, TaskRef ref, StepCompleted completed) {
        RunView view;
        try {
            view = RunView.of(run);
        } catch (RuntimeException e) {
            return; // the advancer fails a run whose workflow cannot be read
        }
        taskResults.reported(view, ref, completed.attempt(), resultOf(completed));
    }

    /** A result is untrusted input: one without a final status fails the step with the reason. */
    static StepResult resultOf(StepCompleted completed) {
        if (completed.status() == null || !completed.status().isTerminal()) {
            return StepResult.failed(StepOutcome.INVALID_RESULT.wire(),
                    "the executor reported status " + (completed.status() == null ? "none" : completed.status().wireName()) + " instead of succeeded or failed");
        }
        List<Finding> findings = completed.findings().stream().filter(f -> f != null && f.severity() != null).toList();
        return new StepResult(completed.status(), StepOutcome.wireOf(completed.outcome()), completed.error(), findings,
                completed.outputs(), null);
    }
}
