package io.reconcraft.gateway.readmodel;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.gateway.run.RunView;
import io.reconcraft.gateway.run.StepView;
import io.reconcraft.gateway.store.RunViewChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** A run's view while a batch of its events is applied to it in memory; written back once per batch. */
final class RunState {

    /** Enough to catch an event published twice in a row, without the list growing with the run. */
    static final int RECENT_EVENT_IDS = 32;

    private final RunView stored;
    private RunStatus status;
    private Instant endedAt;
    private Double duration;
    private String outcome;
    private RunSummary summary;
    private RunTrigger trigger;
    private final List<StepView> steps;
    private long eventSeq;
    private RunView.ReadPosition position;
    private final List<String> recentEventIds;
    private boolean changed;
    /** The indexes of the steps changed since the view was read; null once the list itself changed (a step added). */
    private Set<Integer> changedSteps = new TreeSet<>();

    RunState(RunView stored) {
        this.stored = stored;
        this.status = stored.status();
        this.endedAt = stored.endedAt();
        this.duration = stored.duration();
        this.outcome = stored.outcome();
        this.summary = stored.summary();
        this.trigger = stored.trigger();
        this.steps = new ArrayList<>(stored.steps());
        this.eventSeq = stored.eventSeq();
        this.position = stored.position();
        this.recentEventIds = new ArrayList<>(stored.recentEventIds());
    }

    String id() {
        return stored.id();
    }

    /** False for an event at or before the last applied position, or one already seen under another offset. */
    boolean isNew(int partition, long offset, String eventId) {
        if (position != null && position.partition() == partition && offset <= position.offset()) {
            return false;
        }
        return !recentEventIds.contains(eventId);
    }

    void applied(int partition, long offset, String eventId) {
        position = new RunView.ReadPosition(partition, offset);
        recentEventIds.add(eventId);
        if (recentEventIds.size() > RECENT_EVENT_IDS) {
            recentEventIds.remove(0);
        }
        changed = true;
    }

    long nextSeq() {
        return ++eventSeq;
    }

    boolean changed() {
        return changed;
    }

    RunStatus status() {
        return status;
    }

    Instant startedAt() {
        return stored.startedAt();
    }

    List<StepView> steps() {
        return steps;
    }

    RunTrigger trigger() {
        return trigger;
    }

    void trigger(RunTrigger trigger) {
        this.trigger = trigger;
    }

    void status(RunStatus status) {
        this.status = status;
    }

    void outcome(String outcome) {
        this.outcome = outcome;
    }

    void ended(Instant endedAt, Double duration, RunSummary summary) {
        this.endedAt = endedAt;
        this.duration = duration;
        this.summary = summary;
    }

    /** Changes the step of that node, adding it first when the run did not list it (a node of a newer graph). */
    void changeStep(String nodeId, UnaryOperator<StepView> change) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).nodeId().equals(nodeId)) {
                steps.set(i, change.apply(steps.get(i)));
                if (changedSteps != null) {
                    changedSteps.add(i);
                }
                return;
            }
        }
        steps.add(change.apply(StepView.queued(nodeId, nodeId)));
        changedSteps = null;
    }

    void replaceSteps(List<StepView> replacement) {
        steps.clear();
        steps.addAll(replacement);
        changedSteps = null;
    }

    /** The view as the applied events left it, and which of its steps they changed. */
    RunViewChange toChange() {
        return new RunViewChange(toView(), changedSteps == null ? null : List.copyOf(changedSteps));
    }

    RunView toView() {
        return new RunView(stored.id(), stored.workflowId(), stored.workflowName(), status, stored.targets(),
                stored.runMode(), stored.startedAt(), endedAt, duration, outcome, List.copyOf(steps), summary,
                trigger, eventSeq, position, List.copyOf(recentEventIds), stored.admissionGroup(), null);
    }
}
