package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.run.Outcomes;
import io.reconcraft.orchestrator.run.RunDocument;
import io.reconcraft.orchestrator.run.RunStore;
import io.reconcraft.orchestrator.run.StepResult;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a StepCompleted to the run it belongs to. Only the current attempt of a running step is
 * changed; a duplicate or late result changes nothing. The run is advanced either way, which is a
 * no-op when nothing is pending and catches up after a crash between applying and advancing.
 */
@Component
public class StepResultIntake {

    private static final Logger log = LoggerFactory.getLogger(StepResultIntake.class);

    private final RunStore store;
    private final RunAdvancer advancer;
    private final Clock clock;

    public StepResultIntake(RunStore store, RunAdvancer advancer, Clock clock) {
        this.store = store;
        this.advancer = advancer;
        this.clock = clock;
    }

    public void apply(String runId, StepCompleted completed) {
        Optional<RunDocument> run = store.find(runId);
        if (run.isEmpty()) {
            log.warn("ignoring StepCompleted {} of unknown run {}", completed.stepId(), runId);
            return;
        }
        int index = completed.nodeId() == null ? -1 : run.get().indexOf(completed.nodeId());
        if (index < 0 || !StepIds.of(runId, completed.nodeId()).equals(completed.stepId())) {
            log.warn("ignoring StepCompleted {} for node {}: not a step of run {}", completed.stepId(),
                    completed.nodeId(), runId);
            return;
        }
        if (store.completeStep(runId, index, completed.attempt(), resultOf(completed), clock.instant())) {
            log.debug("step {} attempt {} ended {}", completed.stepId(), completed.attempt(), completed.status());
        }
        advancer.advance(runId);
    }

    /** A result is untrusted input: one without a final status fails the step with the reason. */
    static StepResult resultOf(StepCompleted completed) {
        if (completed.status() == null || !completed.status().isTerminal()) {
            return StepResult.failed(Outcomes.INVALID_RESULT,
                    "the executor reported status " + (completed.status() == null ? "none" : completed.status().wireName()) + " instead of succeeded or failed");
        }
        List<Finding> findings = completed.findings().stream().filter(f -> f != null && f.severity() != null).toList();
        return new StepResult(completed.status(), completed.outcome(), completed.error(), findings,
                completed.outputs(), null);
    }
}
