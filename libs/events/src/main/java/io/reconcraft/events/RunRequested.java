package io.reconcraft.events;

import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.List;

/** The gateway accepted a run: everything the orchestrator needs, frozen at this moment. */
public record RunRequested(
        WorkflowSnapshot workflow,
        List<String> targets,
        RunMode runMode,
        AuthorizedScope scope,
        String requestedBy) implements EventPayload {

    public RunRequested {
        targets = targets == null ? List.of() : List.copyOf(targets);
        scope = scope == null ? AuthorizedScope.NONE : scope;
    }
}
