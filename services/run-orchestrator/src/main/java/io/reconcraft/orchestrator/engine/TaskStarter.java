package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.plan.StepTargets;
import io.reconcraft.orchestrator.plan.UpstreamCollector;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunningTaskCount;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.orchestrator.store.TaskRef;
import io.reconcraft.orchestrator.store.TaskStore;
import io.reconcraft.orchestrator.store.WrittenRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Starts the tasks that are ready, as many as the concurrency caps allow: at most
 * {@code max-parallel-tasks-per-run} running in this run and {@code max-parallel-tasks} in all runs.
 * The others stay queued and start when a later pass finds room (after a task ends, or from the task
 * scheduler). The per-run cap is exact (a counter in the run document, claimed atomically with the
 * task); the global count is read, not reserved (see RunningTaskCount), so concurrent dispatchers may overshoot
 * it by the few tasks they start in the same instant.
 */
@Component
@RequiredArgsConstructor
public class TaskStarter {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final RunningTaskCount running;
    private final TaskStore tasks;
    private final StartedTasks started;
    private final TaskResults taskResults;
    private final WrittenRuns writtenRuns;
    private final EventPublisher publisher;
    private final OrchestratorProperties properties;
    private final Clock clock;

    /** The number of tasks started. */
    int start(RunView view) {
        Instant now = clock.instant();
        List<TaskRef> starting = startable(view.run(), List.of(), now);
        if (starting.isEmpty()) {
            return 0;
        }
        List<Sending> sending = starting.size() > 1 ? startAll(view, starting, now) : List.of();
        if (sending.isEmpty()) {
            sending = new ArrayList<>();
            for (TaskRef ref : starting) {
                sending.addAll(startAll(view, List.of(ref), now));
            }
        }
        awaitAcks(view, sending);
        return sending.size();
    }

    /**
     * The waiting tasks of {@code run} that may start now, in the order they start: ready (queued, any retry due) in
     * running steps, as many as the caps leave room for once the running tasks {@code ending} have ended.
     */
    List<TaskRef> startable(RunDocument run, List<TaskRef> ending, Instant now) {
        int room = room(run, ending.size(), ending.size());
        List<TaskRef> ready = new ArrayList<>();
        for (int i = 0; i < run.steps().size() && ready.size() < room; i++) {
            StepDocument step = run.steps().get(i);
            if (step.runStatus() != RunStatus.RUNNING) {
                continue;
            }
            for (int j = 0; j < step.tasks().size() && ready.size() < room; j++) {
                if (step.tasks().get(j).isReady(now)) {
                    ready.add(TaskRef.of(run, i, j));
                }
            }
        }
        return ready;
    }

    /** Each task's deadline if it starts now. */
    List<Instant> deadlines(RunView view, List<TaskRef> refs, Instant now) {
        return refs.stream().map(ref -> deadline(view.node(ref.step().nodeId()), now)).toList();
    }

    /** Claims {@code refs} in one update and sends their requests; empty when the update lost (nothing written). */
    private List<Sending> startAll(RunView view, List<TaskRef> refs, Instant now) {
        List<Instant> deadlines = deadlines(view, refs, now);
        if (!tasks.claimAll(refs, now, deadlines, properties.maxParallelTasksPerRun())) {
            return List.of();
        }
        return send(view, refs, deadlines, writtenRuns.peek(view.run().id()).orElse(null), now);
    }

    /**
     * Requests {@code refs}, started now with {@code deadlines} by an update that left the run as {@code written}, and
     * waits for their acknowledgements (see {@link #awaitAcks}).
     */
    void requestStarted(RunView view, List<TaskRef> refs, List<Instant> deadlines, RunDocument written, Instant now) {
        awaitAcks(view, send(view, refs, deadlines, written, now));
    }

    private List<Sending> send(RunView view, List<TaskRef> refs, List<Instant> deadlines, RunDocument written,
                               Instant now) {
        List<TaskDocument> runningTasks = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            runningTasks.add(refs.get(i).task().startedAt(now, deadlines.get(i)));
        }
        return send(view, refs, runningTasks, written);
    }

    /**
     * Sends the requests of {@code refs} (as claimed from), now running as {@code runningTasks} after the update that
     * left the run as {@code written}, each remembered as started by this instance; without awaiting them.
     */
    private List<Sending> send(RunView view, List<TaskRef> refs, List<TaskDocument> runningTasks, RunDocument written) {
        List<Sending> sending = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            TaskRef ref = refs.get(i);
            TaskRef running = ref.withTask(runningTasks.get(i));
            started.add(running, written);
            sending.add(send(view, ref, running));
        }
        return sending;
    }

    /** A queued step to claim with {@link #claimSteps}: its index and the tasks it gets (null keeps its own). */
    record ReadyStep(int index, List<TaskDocument> planned) {
    }

    /**
     * Claims several queued steps of a run in one update — each step of a single planned task with that task started
     * while the caps leave room, the others with their tasks queued for {@link #start} — and requests the started
     * tasks, waiting for their acknowledgements together. False when the update lost (another caller claimed one of
     * the steps, or the cap filled): nothing was written, and the caller claims them one by one.
     */
    boolean claimSteps(RunView view, List<ReadyStep> steps) {
        Instant now = clock.instant();
        StepClaims claims = plan(view, steps, 0, now);
        if (!tasks.claimSteps(view.run().id(), claims.claims(), now, properties.maxParallelTasksPerRun())) {
            return false;
        }
        requestClaimed(view, claims, writtenRuns.peek(view.run().id()).orElse(null));
        return true;
    }

    /**
     * The claims of {@code steps} ready in {@code view}: of a single planned task, started while the caps leave room,
     * else queued. {@code ending} tasks still counted as running in all runs end in the same update.
     */
    StepClaims plan(RunView view, List<ReadyStep> steps, int ending, Instant now) {
        RunDocument run = view.run();
        int room = room(run, 0, ending);
        List<TaskStore.StepClaim> claims = new ArrayList<>();
        List<TaskRef> starting = new ArrayList<>();
        List<TaskDocument> runningTasks = new ArrayList<>();
        for (ReadyStep ready : steps) {
            StepDocument step = run.steps().get(ready.index());
            List<TaskDocument> planned = ready.planned();
            if (planned != null && planned.size() == 1 && starting.size() < room) {
                // the request is sent for the task as planned: a failed send restores that (queued) state
                starting.add(new TaskRef(run.id(), ready.index(), 0, step, planned.get(0),
                        TaskRef.keepsResultsApart(run, step)));
                runningTasks.add(planned.get(0).startedAt(now, deadline(view.node(step.nodeId()), now)));
                claims.add(new TaskStore.StepClaim(ready.index(), step.attempt(), List.of(runningTasks.get(runningTasks.size() - 1)), 1));
            } else {
                claims.add(new TaskStore.StepClaim(ready.index(), step.attempt(), planned, 0));
            }
        }
        return new StepClaims(claims, starting, runningTasks);
    }

    /** Claims planned by {@link #plan}: what is written, and the tasks started with it (as queued, and as running). */
    record StepClaims(List<TaskStore.StepClaim> claims, List<TaskRef> starting, List<TaskDocument> runningTasks) {
    }

    /** Requests the tasks {@code claims} started, now written ({@code written}: the run as that update left it). */
    void requestClaimed(RunView view, StepClaims claims, RunDocument written) {
        requestClaimed(view, claims, written, () -> { });
    }

    /**
     * {@link #requestClaimed(RunView, StepClaims, RunDocument)}, running {@code sent} once every request is handed to
     * the producer, before their acknowledgements are awaited.
     */
    void requestClaimed(RunView view, StepClaims claims, RunDocument written, Runnable sent) {
        List<Sending> sending = send(view, claims.starting(), claims.runningTasks(), written);
        sent.run();
        awaitAcks(view, sending);
    }

    /**
     * Tasks that may start in {@code run} now, with {@code endingInRun} of its running tasks and {@code endingInAll} of
     * those counted as running in all runs ending in the same update.
     */
    private int room(RunDocument run, int endingInRun, int endingInAll) {
        return Math.min(properties.maxParallelTasksPerRun() - run.runningTasks() + endingInRun,
                properties.maxParallelTasks() - running.current() + endingInAll);
    }

    /** A request handed to the producer: its task as claimed from ({@code ref}) and as now running. */
    private record Sending(TaskRef ref, TaskRef running, CompletableFuture<?> ack) {
    }

    private Instant deadline(WorkflowNode node, Instant now) {
        return now.plus(properties.timeoutOf(node.kind())).plus(properties.timeoutGrace());
    }

    /** Sends the request of a task just claimed, without waiting for its acknowledgement. */
    private Sending send(RunView view, TaskRef ref, TaskRef running) {
        WorkflowNode node = view.node(ref.step().nodeId());
        Duration timeout = properties.timeoutOf(node.kind());
        List<UpstreamOutput> upstream = UpstreamCollector.collect(view.graph(), view.steps(), node.id());
        String target = ref.task().target();
        List<String> targets = target == null ? StepTargets.of(node, view.run().targets()) : List.of(target);
        Map<String, Object> config = node.config();
        if (target != null) {
            // Executors read a step's targets by the same rule (StepTargets: config.targets first): a task's is its own.
            config = new LinkedHashMap<>(config);
            config.put("targets", List.of(target));
        }
        StepRequested request = new StepRequested(ref.task().stepId(), node.id(), node.kind(), node.displayName(),
                config, targets, RunMode.fromWire(view.run().runMode()), new AuthorizedScope(view.run().scope()),
                ref.task().attempt(), (int) timeout.toSeconds(), upstream);
        CompletableFuture<?> ack;
        try {
            ack = publisher.publishAsync(EventEnvelope.of(view.run().id(), request));
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        return new Sending(ref, running, ack);
    }

    /**
     * A task whose request failed goes back to queued, so that a later pass requests it again — unless sending it again
     * would fail the same way (a request larger than the bus takes, say a join of a thousand steps' outputs): that
     * task fails with the reason, as if its executor had reported it, instead of being requested forever. A wait
     * interrupted (the service is stopping) leaves the task claimed: the request is in the producer, which sends what
     * it holds as it closes, and putting the task back would have the next instance request it a second time; should
     * it not arrive, the task's deadline ends it.
     */
    private void awaitAcks(RunView view, List<Sending> sending) {
        RuntimeException failure = null;
        for (Sending sent : sending) {
            try {
                sent.ack().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? new IllegalStateException("interrupted while sending step requests", e) : failure;
            } catch (ExecutionException | TimeoutException e) {
                Optional<String> never = EventPublisher.permanentFailure(e);
                if (never.isPresent()) {
                    failUnsendable(view, sent, never.get());
                    continue;
                }
                failure = failure == null ? new IllegalStateException("could not send the request of task "
                        + sent.ref().task().stepId(), e) : failure;
                unstart(sent.ref());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void failUnsendable(RunView view, Sending sent, String reason) {
        started.forget(sent.running());
        int upstream = UpstreamCollector.collect(view.graph(), view.steps(), sent.ref().step().nodeId()).size();
        taskResults.decided(view, sent.running(), RunStatus.RUNNING, StepResult.failed(null,
                "the step's request could not be sent (it carries the outputs of " + upstream + " upstream step(s)): "
                        + reason), null);
    }

    private void unstart(TaskRef ref) {
        started.forget(ref);
        tasks.restore(ref, RunStatus.RUNNING);
    }
}
