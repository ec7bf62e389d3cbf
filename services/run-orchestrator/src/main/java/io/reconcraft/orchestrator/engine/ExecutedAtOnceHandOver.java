package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.EventPayload;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Ends a queued step the orchestrator executed at once (a start, a condition) with its success and claims the nodes
 * that end makes ready in ONE update, when they are all nodes another service executes: a run's start hands over to
 * its first scans for one round trip to MongoDB instead of two. The plan is made from the run as the caller's pass
 * read it, with the end applied in memory; the update's guard holds every fact the plan used (the step queued at its
 * attempt, every other open step as read, the run running with no cancel requested, its count of running tasks).
 * Only the caller whose update won reports the step (StepStarted, logs, StepCompleted) and then requests the claimed
 * tasks; should the report fail, the step and the claimed ones are written back as they were read, so a later pass
 * executes the step again. Anything else — a failure, a skipped branch, a node the orchestrator runs itself, config
 * that cannot work, a lost guard — goes the ordinary way ({@link StepFinisher#finishExecutedAtOnce}).
 * The admission uses it for a run's first step ({@link #admitting}): the same update marks the run running, and
 * RunStatusChanged goes out first with the step's events, so that admitting a run costs no round trip of its own.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ExecutedAtOnceHandOver {

    private final TaskStore tasks;
    private final TaskStarter taskStarter;
    private final EventPublisher publisher;
    private final Clock clock;

    /** A hand-over written and reported: what {@link #request} sends the claimed tasks' requests from. */
    record HandedOver(RunView view, TaskStarter.StepClaims claims, RunDocument written) {
    }

    /** True when the end and the claims were written and sent; false when nothing was written. */
    boolean succeeded(RunView view, int index, StepDocument step, StepResult result, List<String> logs, String worker) {
        if (view.run().runStatus() != RunStatus.RUNNING) {
            return false;
        }
        Optional<HandedOver> handedOver = write(view, index, step, result, logs, worker);
        handedOver.ifPresent(this::request);
        return handedOver.isPresent();
    }

    /**
     * The hand-over of a queued run's first step, admitting the run: written and reported, the claimed tasks not yet
     * requested ({@link #request}). Empty when it does not apply; nothing was written then.
     */
    Optional<HandedOver> admitting(RunView view, int index, StepDocument step, StepResult result, List<String> logs,
                                   String worker) {
        if (view.run().runStatus() != RunStatus.QUEUED) {
            return Optional.empty();
        }
        return write(view, index, step, result, logs, worker);
    }

    /** Requests the tasks a hand-over claimed and started. */
    void request(HandedOver handedOver) {
        taskStarter.requestClaimed(handedOver.view(), handedOver.claims(), handedOver.written());
    }

    private Optional<HandedOver> write(RunView view, int index, StepDocument step, StepResult result, List<String> logs,
                                       String worker) {
        RunDocument asRead = view.run();
        if (result.status() != RunStatus.SUCCEEDED || asRead.isCancelRequested() || step.runStatus() != RunStatus.QUEUED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<HandOverPlan> planned = HandOverPlan.of(asRead.withStep(index, step.executedAtOnce(result, now), 0));
        if (planned.isEmpty() || !planned.get().claimsOnly()) {
            return Optional.empty();
        }
        HandOverPlan plan = planned.get();
        TaskStarter.StepClaims claims = taskStarter.plan(plan.view(), plan.ready(), 0, now);
        Optional<RunDocument> written = tasks.endQueuedStepAndClaim(index, step.attempt(), result, asRead,
                claims.claims(), now);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        List<EventPayload> events = new ArrayList<>();
        if (asRead.runStatus() == RunStatus.QUEUED) {
            events.add(new RunStatusChanged(RunStatus.RUNNING, null, null));
        }
        events.addAll(StepFinisher.executedAtOnce(asRead.id(), step, result, logs, worker));
        try {
            publisher.publishAll(asRead.id(), events);
        } catch (RuntimeException e) {
            tasks.undoEndQueuedStepAndClaim(asRead, index, written.get(), claims.claims());
            throw e;
        }
        return Optional.of(new HandedOver(plan.view(), claims, written.get()));
    }
}
