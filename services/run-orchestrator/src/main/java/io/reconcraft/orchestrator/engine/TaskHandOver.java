package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskRef;
import io.reconcraft.orchestrator.store.TaskStore;
import io.reconcraft.orchestrator.store.WrittenRuns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Ends tasks this instance started with their successes and starts the run's next waiting tasks in the room those
 * ends free, in ONE update: a run with more ready tasks than its cap of parallel tasks (a node of 1,000 targets, or
 * 1,000 nodes after one) hands each slot to its next task for one round trip to MongoDB instead of two — the end,
 * then the start by the advance that follows it. The waiting tasks are picked from the run as this instance last
 * wrote it, without reading it; the update's guard holds each ending task running and each starting one queued at
 * the attempts picked, the run running with no cancel requested, and the cap, so a run that changed meanwhile is not
 * touched and the ordinary way ({@link TaskResults#allSucceededAsStarted}, then {@link RunAdvancer}) follows.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class TaskHandOver {

    private final TaskStore tasks;
    private final TaskStarter taskStarter;
    private final RunAdvancer advancer;
    private final WrittenRuns writtenRuns;
    private final OrchestratorProperties properties;
    private final Clock clock;

    /**
     * True when the successes were applied, the next tasks started and requested, and the run advanced; false when
     * there was nothing to start with them or the update lost: nothing was written.
     */
    boolean succeeded(String runId, List<TaskRef> ended, List<StepResult> results) {
        Optional<RunDocument> last = writtenRuns.lastOf(runId);
        if (last.isEmpty() || last.get().runStatus() != RunStatus.RUNNING || last.get().isCancelRequested()) {
            return false;
        }
        Instant now = clock.instant();
        List<TaskRef> starting = taskStarter.startable(last.get(), ended, now);
        if (starting.isEmpty()) {
            return false;
        }
        RunView view;
        try {
            view = RunView.of(last.get());
        } catch (RuntimeException e) {
            return false; // the advancer fails a run whose workflow cannot be read
        }
        List<Instant> deadlines = taskStarter.deadlines(view, starting, now);
        Optional<RunDocument> written = tasks.endAllSucceededAndClaim(ended, results, starting, deadlines,
                properties.maxParallelTasksPerRun(), now);
        if (written.isEmpty()) {
            return false;
        }
        taskStarter.requestStarted(RunView.of(written.get()), starting, deadlines, written.get(), now);
        advancer.advanceAfterOwnUpdate(runId);
        return true;
    }
}
