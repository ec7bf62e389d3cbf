package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.retry.RetryPolicy;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.orchestrator.store.TaskRef;
import io.reconcraft.orchestrator.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends a task attempt, or queues the next attempt when the failure is retryable and retries are left.
 * The retry waits as a stored due time ({@code retryAt}), started by the task scheduler: no thread waits.
 * Results an executor reported are applied only to the running attempt they answer; results the
 * orchestrator decided itself (a deadline passed, a cancel) are published as StepCompleted of that
 * attempt, so that every attempt is reported exactly like one an executor ended.
 */
@Component
@RequiredArgsConstructor
public class TaskResults {

    private static final Logger log = LoggerFactory.getLogger(TaskResults.class);

    private final TaskStore tasks;
    private final RetryPolicy retryPolicy;
    private final EventPublisher publisher;
    private final Clock clock;

    /** A StepCompleted from the executor; one for another attempt or an ended task changes nothing. */
    public boolean reported(RunView view, TaskRef ref, int attempt, StepResult result) {
        TaskDocument task = ref.task();
        if (task.runStatus() != RunStatus.RUNNING || task.attempt() != attempt) {
            log.debug("ignoring result of {} attempt {}: the task is {} at attempt {}", task.stepId(), attempt,
                    task.status(), task.attempt());
            return false;
        }
        return apply(view, ref, RunStatus.RUNNING, result, null, false);
    }

    /**
     * A success for a task as this instance started it, applied without reading the run: the update's guard (running,
     * this attempt) is the check. False when the task is no longer that (the caller then reads the run and decides).
     */
    public boolean succeededAsStarted(TaskRef started, StepResult result) {
        Instant now = clock.instant();
        return started.isFanOut() ? tasks.end(started, RunStatus.RUNNING, result, now)
                : tasks.endWithStep(started, result, now);
    }

    /** {@link #succeededAsStarted} for several tasks of one run in one update: all, or none when one changed. */
    public boolean allSucceededAsStarted(List<TaskRef> started, List<StepResult> results) {
        return tasks.endAllSucceeded(started, results, clock.instant());
    }

    /** An end the orchestrator decided for a task that is {@code from} (running, or queued when cancelled). */
    public boolean decided(RunView view, TaskRef ref, RunStatus from, StepResult result, String why) {
        return apply(view, ref, from, result, why, true);
    }

    private boolean apply(RunView view, TaskRef ref, RunStatus from, StepResult result, String why, boolean publishResult) {
        TaskDocument task = ref.task();
        Instant now = clock.instant();
        Optional<Duration> wait = from == RunStatus.RUNNING
                ? retryPolicy.retryDelay(retriesOf(view, ref), task, result, view.run().isCancelRequested())
                : Optional.empty();
        List<String> lines = new ArrayList<>();
        if (why != null) {
            lines.add(why);
        }
        if (wait.isPresent()) {
            Instant due = now.plus(wait.get());
            if (!tasks.retry(ref, result, now, due)) {
                return false;
            }
            lines.add("attempt " + task.attempt() + " failed (" + result.outcome() + "): retrying as attempt "
                    + (task.attempt() + 1) + " in " + wait.get().toMillis() + " ms (retry " + (task.retriesUsed() + 1)
                    + " of " + retriesOf(view, ref) + ")");
        } else if (!end(ref, from, result, now, publishResult)) {
            return false;
        }
        List<EventPayload> events = new ArrayList<>();
        if (!lines.isEmpty()) {
            events.add(new StepLog(task.stepId(), ref.step().nodeId(), task.attempt(), lines));
        }
        if (publishResult) {
            events.add(new StepCompleted(task.stepId(), ref.step().nodeId(), task.attempt(),
                    result.status(), StepOutcome.of(result.outcome()), result.error(), result.findings(), result.outputs()));
        }
        try {
            publisher.publishAll(ref.runId(), events);
        } catch (RuntimeException e) {
            tasks.restore(ref, wait.isPresent() ? RunStatus.QUEUED : result.status());
            throw e;
        }
        return true;
    }

    /**
     * A reported end of a step's only task ends the step too, in one update. Not for an end the orchestrator
     * decided: its StepCompleted is published afterwards, and undoing that would have to reopen the step.
     */
    private boolean end(TaskRef ref, RunStatus from, StepResult result, Instant now, boolean publishResult) {
        if (!publishResult && from == RunStatus.RUNNING && !ref.isFanOut()
                && ref.step().runStatus() == RunStatus.RUNNING) {
            return tasks.endWithStep(ref, result, now);
        }
        return tasks.end(ref, from, result, now);
    }

    private static int retriesOf(RunView view, TaskRef ref) {
        try {
            return RetryPolicy.retriesOf(view.node(ref.step().nodeId()));
        } catch (IllegalArgumentException e) {
            return 0; // checked when the step was claimed; a bad value there already failed the step
        }
    }
}
