package io.reconcraft.gateway.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.RunSummary;
import io.reconcraft.events.model.RunTrigger;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The gateway's read model of a run, in the Studio's Run shape. It is built from run and step events, which
 * come in order on the run's partition: {@code position} is the last one applied, so a redelivered event changes
 * nothing, and {@code recentEventIds} catches an event published twice. {@code eventSeq} is the number of the
 * run's last SSE event. None of the three is shown. {@code admissionGroup} is the queue the orchestrator keeps the
 * run in until it is admitted (see AdmissionGroup); {@code queuePosition} is computed when a queued run is read,
 * never stored.
 */
@Document("runs")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
        @Id String id,
        String workflowId,
        String workflowName,
        RunStatus status,
        List<String> targets,
        RunMode runMode,
        Instant startedAt,
        Instant endedAt,
        Double duration,
        String outcome,
        List<StepView> steps,
        RunSummary summary,
        RunTrigger trigger,
        @JsonIgnore Long eventSeq,
        @JsonIgnore ReadPosition position,
        @JsonIgnore List<String> recentEventIds,
        @JsonIgnore String admissionGroup,
        Integer queuePosition) {

    /** The fields only the read model uses. */
    public static final List<String> INTERNAL_FIELDS = List.of("eventSeq", "position", "recentEventIds");

    /** The stored fields besides {@code steps} that events change; the others are set when the run is accepted. */
    public static final List<String> READ_MODEL_FIELDS = List.of("status", "endedAt", "duration", "outcome", "summary",
            "trigger", "eventSeq", "position", "recentEventIds");

    public RunView {
        targets = targets == null ? List.of() : targets;
        steps = steps == null ? List.of() : steps;
        eventSeq = eventSeq == null ? 0L : eventSeq;
        recentEventIds = recentEventIds == null ? List.of() : recentEventIds;
    }

    /** Where in Kafka the last applied event of a run was: its partition and offset. */
    public record ReadPosition(int partition, long offset) {
    }

    public static RunView queued(String id, String workflowId, String workflowName, List<String> targets,
            RunMode runMode, Instant startedAt, List<StepView> steps, RunTrigger trigger, String admissionGroup) {
        return new RunView(id, workflowId, workflowName, RunStatus.QUEUED, targets, runMode, startedAt,
                null, null, null, steps, null, trigger, 0L, null, List.of(), admissionGroup, null);
    }

    /**
     * This view as a read of its stored document gives it: the store keeps times to the millisecond (events carry
     * finer ones), and everything else as it is. What is remembered of a written view must read the same as the store.
     */
    public RunView atStoredPrecision() {
        return new RunView(id, workflowId, workflowName, status, targets, runMode, StoredTimes.of(startedAt),
                StoredTimes.of(endedAt), duration, outcome, steps.stream().map(StepView::atStoredPrecision).toList(),
                summary, trigger, eventSeq, position, recentEventIds, admissionGroup, queuePosition);
    }

    /** This view with {@code replacement} as its steps. */
    public RunView withSteps(List<StepView> replacement) {
        return new RunView(id, workflowId, workflowName, status, targets, runMode, startedAt, endedAt, duration,
                outcome, replacement, summary, trigger, eventSeq, position, recentEventIds, admissionGroup,
                queuePosition);
    }

    /** This run as shown while it waits for admission: its place in its admission group's queue (1 = next). */
    public RunView withQueuePosition(int place) {
        return new RunView(id, workflowId, workflowName, status, targets, runMode, startedAt, endedAt, duration,
                outcome, steps, summary, trigger, eventSeq, position, recentEventIds, admissionGroup, place);
    }
}
