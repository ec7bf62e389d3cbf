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
 * The gateway's read model of a run, in the Studio's Run shape. It is built from run and step events;
 * {@code appliedEventIds} records which events already changed it, so a redelivered event changes nothing.
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
        @JsonIgnore List<String> appliedEventIds) {

    public static final String APPLIED_EVENT_IDS = "appliedEventIds";

    public RunView {
        targets = targets == null ? List.of() : targets;
        steps = steps == null ? List.of() : steps;
        appliedEventIds = appliedEventIds == null ? List.of() : appliedEventIds;
    }

    public static RunView queued(String id, String workflowId, String workflowName, List<String> targets,
            RunMode runMode, Instant startedAt, List<StepView> steps, RunTrigger trigger) {
        return new RunView(id, workflowId, workflowName, RunStatus.QUEUED, targets, runMode, startedAt,
                null, null, null, steps, null, trigger, List.of());
    }
}
