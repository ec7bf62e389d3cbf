package io.reconcraft.gateway.actions;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The 202 answer of a run action: what was passed on, and the notification's id for send actions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionAccepted(String runId, String action, String message, String notificationId) {
}
