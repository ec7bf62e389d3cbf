package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.findings.StepFinding;
import io.reconcraft.gateway.findings.StepFindingRefs;
import io.reconcraft.gateway.run.StepView;
import io.reconcraft.gateway.stream.RunEvent;
import io.reconcraft.gateway.stream.RunEventDrafts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** What each run or step event changes in a run's view, and the SSE events it produces: in memory, no I/O. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RunChanges {

    /** A step's lines kept in the run's view; every line stays in the run's event stream. */
    static final int MAX_LOG_LINES_PER_STEP = 2000;
    static final String LOGS_CUT = "… more lines in the run's event stream (GET /api/runs/{id}/events)";

    private final RunEventDrafts drafts;

    /** Applies one event; returns its SSE events (none when it changes nothing). */
    List<RunEvent.Draft> apply(RunState run, EventEnvelope event) {
        if (event.payload() instanceof StepStarted started) {
            return stepStarted(run, event, started);
        }
        if (event.payload() instanceof StepLog logged) {
            run.changeStep(logged.nodeId(), step -> withLogs(step, logged.lines()));
            return drafts.stepLog(event, logged);
        }
        if (event.payload() instanceof StepCompleted completed) {
            return stepCompleted(run, event, completed);
        }
        if (event.payload() instanceof RunStatusChanged changed) {
            return runStatusChanged(run, event, changed);
        }
        if (event.payload() instanceof RunCompleted completed) {
            return runCompleted(run, event, completed);
        }
        if (event.payload() instanceof FindingsUpdated updated) {
            // the findings service filed the step's findings: each gains its stored finding's id and its change
            StepFindingRefs.nodeOf(event.runId(), updated).ifPresent(nodeId -> run.changeStep(nodeId, step ->
                    step.withFindings(StepFindingRefs.applyTo(step.findings(), updated))));
            return List.of();
        }
        return List.of();
    }

    private List<RunEvent.Draft> stepStarted(RunState run, EventEnvelope event, StepStarted started) {
        // Also the start of a next attempt after a failed one: the earlier ending no longer holds.
        run.changeStep(started.nodeId(), step -> new StepView(step.nodeId(), step.name(), RunStatus.RUNNING,
                step.logs(), step.findings(), event.occurredAt(), null, null));
        return drafts.stepStarted(event, started);
    }

    private List<RunEvent.Draft> stepCompleted(RunState run, EventEnvelope event, StepCompleted completed) {
        if (!StepId.isNodeResult(event.runId(), completed.nodeId(), completed.stepId())) {
            // One target's task of a fanned-out node: the orchestrator follows it with the node's merged result.
            return List.of();
        }
        run.changeStep(completed.nodeId(), step -> {
            List<String> logs = completed.status() == RunStatus.FAILED && completed.error() != null
                    ? withLogs(step, List.of("error: " + completed.error())).logs() : step.logs();
            // the node's result carries all its findings, so a later attempt replaces, never adds
            return new StepView(step.nodeId(), step.name(), completed.status(), logs,
                    completed.findings().stream().map(StepFinding::of).toList(),
                    step.startedAt(), event.occurredAt(),
                    completed.outcome() != null ? completed.outcome().wire() : step.outcome());
        });
        return drafts.stepCompleted(event, completed);
    }

    private List<RunEvent.Draft> runStatusChanged(RunState run, EventEnvelope event, RunStatusChanged changed) {
        if (StepOutcome.RETRYING.equals(changed.outcome())) {
            RunRetry.reopen(run);
            return drafts.runStatusChanged(event, changed);
        }
        // A late "running" must not reopen a run that already ended.
        if (run.status() == RunStatus.SUCCEEDED || run.status() == RunStatus.FAILED) {
            return List.of();
        }
        run.status(changed.status());
        if (changed.outcome() != null) {
            run.outcome(changed.outcome().wire());
        }
        return drafts.runStatusChanged(event, changed);
    }

    private List<RunEvent.Draft> runCompleted(RunState run, EventEnvelope event, RunCompleted completed) {
        run.status(completed.status());
        run.ended(event.occurredAt(), seconds(Duration.between(run.startedAt(), event.occurredAt())),
                completed.summary());
        if (completed.outcome() != null) {
            run.outcome(completed.outcome().wire());
        }
        return drafts.runCompleted(event, completed);
    }

    private static StepView withLogs(StepView step, List<String> lines) {
        List<String> logs = new ArrayList<>(step.logs());
        for (String line : lines) {
            if (logs.size() < MAX_LOG_LINES_PER_STEP) {
                logs.add(line);
            } else if (logs.size() == MAX_LOG_LINES_PER_STEP) {
                logs.add(LOGS_CUT);
            }
        }
        return new StepView(step.nodeId(), step.name(), step.status(), logs, step.findings(), step.startedAt(),
                step.completedAt(), step.outcome());
    }

    private static double seconds(Duration duration) {
        return Math.max(0, duration.toMillis()) / 1000.0;
    }
}
