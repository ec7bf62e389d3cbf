package io.reconcraft.events;

import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunTrigger;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.List;

/**
 * The gateway accepted a run: everything the orchestrator needs, frozen at this moment. {@code trigger} says what
 * started it; it is optional on the wire (older producers do not send it) and then means an API call.
 */
public record RunRequested(
        WorkflowSnapshot workflow,
        List<String> targets,
        RunMode runMode,
        AuthorizedScope scope,
        String requestedBy,
        RunTrigger trigger) implements EventPayload {

    public RunRequested {
        targets = targets == null ? List.of() : List.copyOf(targets);
        scope = scope == null ? AuthorizedScope.NONE : scope;
        trigger = trigger == null ? RunTrigger.api() : trigger;
    }

    /** A run started by an API call. */
    public RunRequested(WorkflowSnapshot workflow, List<String> targets, RunMode runMode, AuthorizedScope scope,
            String requestedBy) {
        this(workflow, targets, runMode, scope, requestedBy, RunTrigger.api());
    }
}
