package io.reconcraft.events;

public record RunCancelRequested(String requestedBy, String reason) implements EventPayload {
}
