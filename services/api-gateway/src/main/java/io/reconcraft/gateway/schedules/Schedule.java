package io.reconcraft.gateway.schedules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.gateway.store.ScheduleStore;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recurring run of a saved workflow. {@code nextFireAt} is both what clients see and the claim token of the
 * scheduler: an instance owns a due time only if its conditional update still finds {@code nextFireAt} equal to it.
 * {@code firing} is the fire that was claimed but not finished yet (internal; see {@link ScheduleStore}).
 */
@Document("schedules")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(
        @Id String id,
        String workflowId,
        List<String> targets,
        String cron,
        String timezone,
        RunMode runMode,
        boolean authorizeTargets,
        boolean enabled,
        Overlap overlap,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String lastRunId,
        Instant lastFiredAt,
        Instant nextFireAt,
        @JsonIgnore Firing firing) {

    public Schedule {
        targets = targets == null ? List.of() : List.copyOf(targets);
        overlap = overlap == null ? Overlap.SKIP : overlap;
    }

    /**
     * A claimed due time: the run id it becomes (derived from the schedule and the due time, so a second attempt
     * publishes the same run), when it was claimed, and whether it is a late fire caught up after downtime.
     */
    public record Firing(Instant dueAt, String runId, Instant claimedAt, boolean catchUp) {
    }
}
