package io.reconcraft.orchestrator.execute;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.WorkflowNode;
import java.time.Instant;
import java.util.List;

/** Everything an executor the orchestrator runs itself may look at. */
public record StepContext(String runId, String stepId, WorkflowNode node, int attempt,
                          List<UpstreamOutput> upstream, Instant now) {
}
