package io.reconcraft.gateway.run;

import io.reconcraft.events.model.RunMode;
import java.util.List;

/** Body of POST /api/runs: run a saved workflow. */
public record RunRequest(String workflowId, List<String> targets, RunMode runMode, Boolean authorizeTargets) {
}
