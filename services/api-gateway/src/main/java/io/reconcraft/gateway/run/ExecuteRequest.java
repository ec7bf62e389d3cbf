package io.reconcraft.gateway.run;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.gateway.workflow.WorkflowInput;
import java.util.List;

/** Body of POST /api/runs/execute: run a workflow sent inline (the Studio's Builder). */
public record ExecuteRequest(WorkflowInput workflow, List<String> targets, RunMode runMode, Boolean authorizeTargets) {
}
