package io.reconcraft.gateway.schedules;

import io.reconcraft.events.model.RunMode;
import java.util.List;

/** Body of POST and PUT /api/schedules. */
public record ScheduleInput(
        String workflowId,
        List<String> targets,
        String cron,
        String timezone,
        RunMode runMode,
        Boolean authorizeTargets,
        Boolean enabled,
        Overlap overlap) {
}
