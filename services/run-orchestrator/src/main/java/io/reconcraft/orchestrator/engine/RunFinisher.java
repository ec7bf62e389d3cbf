package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Run-level transitions: queued → running when work starts, and the final RunCompleted. */
@Component
@RequiredArgsConstructor
public class RunFinisher {

    private final RunStore store;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** True when this call moved the run from queued to running (and announced it). */
    public boolean markRunning(String runId) {
        if (!store.markRunRunning(runId)) {
            return false;
        }
        try {
            publisher.publish(runId, new RunStatusChanged(RunStatus.RUNNING, null, null));
        } catch (RuntimeException e) {
            store.markRunQueued(runId);
            throw e;
        }
        return true;
    }

    /** Every step has ended: failed if the run was cancelled or any step failed (a skipped step is not a failure). */
    public void finish(RunDocument run) {
        complete(run, endingOf(run));
    }

    /** How a run whose every step has ended ends. */
    static RunEnding endingOf(RunDocument run) {
        List<Finding> findings = new ArrayList<>();
        run.steps().forEach(step -> findings.addAll(StepJson.findings(step)));
        Optional<StepDocument> failed = firstFailure(run);
        if (run.isCancelRequested()) {
            return new RunEnding(RunStatus.FAILED, StepOutcome.CANCELLED.wire(), CancelCascade.reason(run),
                    RunSummary.of(findings));
        } else if (failed.isPresent()) {
            StepDocument step = failed.get();
            String reason = "step '" + step.name() + "' failed" + (step.error() == null ? "" : ": " + step.error());
            return new RunEnding(RunStatus.FAILED, StepOutcome.STEP_FAILED.wire(), reason, RunSummary.of(findings));
        }
        return new RunEnding(RunStatus.SUCCEEDED, null, null, RunSummary.of(findings));
    }

    public void failUnplannable(RunDocument run, String reason) {
        complete(run, new RunEnding(RunStatus.FAILED, StepOutcome.INVALID_WORKFLOW.wire(), reason,
                RunSummary.of(List.of())));
    }

    private void complete(RunDocument run, RunEnding ending) {
        if (store.completeRun(run.id(), ending.status(), ending.outcome(), ending.reason(), clock.instant())) {
            announce(run, ending);
        }
    }

    /**
     * Reports the end just written of {@code run} (as it was before): RunCompleted, then its place in admission freed.
     * Should the event not go out, the run is open again, so that the next pass ends it once more.
     */
    void announce(RunDocument run, RunEnding ending) {
        try {
            publisher.publish(run.id(), new RunCompleted(ending.status(), StepOutcome.of(ending.outcome()),
                    ending.reason(), ending.summary()));
        } catch (RuntimeException e) {
            store.reopenRun(run.id(), run.runStatus());
            throw e;
        }
        events.publishEvent(new RunEnded(run.id(), run.runStatus() == RunStatus.RUNNING, run.admissionGroup()));
    }

    /** A run's end: what is stored on it and reported. */
    record RunEnding(RunStatus status, String outcome, String reason, RunSummary summary) {
    }

    /** The root cause: a step that failed by itself rather than because its upstream failed. */
    private static Optional<StepDocument> firstFailure(RunDocument run) {
        List<StepDocument> failed = run.steps().stream().filter(s -> s.runStatus() == RunStatus.FAILED).toList();
        return failed.stream().filter(s -> !StepOutcome.UPSTREAM_FAILED.is(s.outcome())).findFirst()
                .or(() -> failed.stream().findFirst());
    }
}
