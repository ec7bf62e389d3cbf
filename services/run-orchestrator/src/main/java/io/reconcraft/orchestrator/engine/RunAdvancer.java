package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.plan.Decision;
import io.reconcraft.orchestrator.plan.RunPlanner;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepResult;
import io.reconcraft.orchestrator.store.WrittenRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Moves a run forward as far as it can go now: starts every ready node, skips nodes on branches not
 * taken, fails nodes behind a failed one, ends steps whose tasks have all ended, starts waiting tasks
 * within the concurrency caps — or, in a cancelled run, cancels instead of starting — and completes the
 * run when every step has ended. Safe to call any number of times from any thread: each transition is
 * claimed atomically, so a repeated or concurrent call does nothing that was already done.
 */
@Component
@RequiredArgsConstructor
public class RunAdvancer {

    private final RunStore store;
    private final StepDispatcher dispatcher;
    private final StepFinisher stepFinisher;
    private final RunFinisher runFinisher;
    private final StepAggregator aggregator;
    private final TaskStarter taskStarter;
    private final CancelCascade cancelCascade;
    private final WrittenRuns writtenRuns;
    private final ExecutedAtOnceHandOver handOver;

    public void advance(String runId) {
        writtenRuns.take(runId); // may be older than what another thread wrote since: read the run
        store.find(runId).ifPresent(this::advanceFrom);
    }

    /**
     * Advances right after this thread's own winning update of the run, from the document that update returned
     * (no read); any change made since is followed by its writer's own advance.
     */
    public void advanceAfterOwnUpdate(String runId) {
        writtenRuns.take(runId).ifPresentOrElse(this::advanceFrom, () -> advance(runId));
    }

    /**
     * Admits the queued run {@code queued} (as stored) with its first pass, when that pass is one step executed here
     * that hands over to scans only — the Studio's start → tools: one update marks the run running, ends the step and
     * claims the scans, and RunStatusChanged goes out with the step's events ({@link ExecutedAtOnceHandOver}). The
     * returned start is set going by {@link #goOn}. Empty when that does not apply or {@code queued} is no longer how
     * the run stands: nothing was written, and the caller admits the run the ordinary way.
     */
    public Optional<AdmittedStart> admitWithFirstStep(RunDocument queued) {
        if (queued.runStatus() != RunStatus.QUEUED || queued.isCancelRequested()) {
            return Optional.empty();
        }
        Optional<PlannedPass> pass = PlannedPass.of(queued);
        if (pass.isEmpty()) {
            return Optional.empty();
        }
        List<Decision> decisions = pass.get().decisions();
        if (decisions.size() != 1 || decisions.get(0).action() != Decision.Action.RUN) {
            return Optional.empty();
        }
        return dispatcher.admitting(pass.get().view(), decisions.get(0).nodeId()).map(AdmittedStart::new);
    }

    /** A run admitted with its first step by {@link #admitWithFirstStep}, its scans claimed, not yet requested. */
    public record AdmittedStart(ExecutedAtOnceHandOver.HandedOver handedOver) {
    }

    /** Requests the scans an admitted start claimed and goes on advancing the run from that update. */
    public void goOn(AdmittedStart start) {
        handOver.request(start.handedOver());
        RunDocument written = start.handedOver().written();
        advanceFrom(writtenRuns.take(written.id()).orElse(written));
    }

    /**
     * Advances from {@code latest}, the run as this thread's latest winning update left it. Each pass goes
     * on from the document its own last update returned, so a transition costs one round trip to MongoDB.
     */
    public void advanceFrom(RunDocument latest) {
        RunDocument run = latest;
        while (true) {
            if (run.runStatus().isTerminal()) {
                return;
            }
            if (run.runStatus() == RunStatus.QUEUED && !run.isCancelRequested()) {
                return; // not admitted yet: RunAdmission sets it going
            }
            RunView view;
            try {
                view = RunView.of(run);
            } catch (RuntimeException e) {
                runFinisher.failUnplannable(run, "the stored workflow cannot be read: " + e.getMessage());
                return;
            }
            Optional<String> problem = view.shapeProblem();
            if (problem.isPresent()) {
                runFinisher.failUnplannable(run, problem.get());
                return;
            }
            boolean progressed = run.isCancelRequested() ? cancelCascade.apply(view) : decide(view);
            progressed = progressed || aggregator.completeDone(view);
            progressed = progressed || (!run.isCancelRequested() && taskStarter.start(view) > 0);
            if (!progressed) {
                // Nothing left to do now, or another caller claimed it and carries the run on from here.
                if (run.allStepsTerminal()) {
                    runFinisher.finish(run);
                }
                return;
            }
            String runId = run.id();
            Optional<RunDocument> next = writtenRuns.take(runId).or(() -> store.find(runId));
            if (next.isEmpty()) {
                return;
            }
            run = next.get();
        }
    }

    private boolean decide(RunView view) {
        boolean progressed = false;
        List<String> ready = new ArrayList<>();
        for (Decision decision : RunPlanner.decide(view.graph(), view.steps())) {
            if (decision.action() == Decision.Action.RUN) {
                ready.add(decision.nodeId());
            } else {
                progressed |= apply(view, decision);
            }
        }
        return (!ready.isEmpty() && dispatcher.dispatchAll(view, ready)) || progressed;
    }

    private boolean apply(RunView view, Decision decision) {
        int index = view.run().indexOf(decision.nodeId());
        StepDocument step = view.run().steps().get(index);
        return switch (decision.action()) {
            case RUN -> dispatcher.dispatch(view, decision.nodeId());
            case SKIP -> stepFinisher.finishUnrun(view.run().id(), index, step, StepResult.skipped(),
                    List.of(decision.reason()));
            case FAIL_UPSTREAM -> stepFinisher.finishUnrun(view.run().id(), index, step,
                    StepResult.failed(StepOutcome.UPSTREAM_FAILED.wire(), decision.reason()), List.of(decision.reason()));
        };
    }
}
