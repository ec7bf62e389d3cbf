package io.reconcraft.gateway.run;

import io.reconcraft.events.model.RunStatus;

public record ExecuteResponse(String runId, RunStatus status, String message) {
}
