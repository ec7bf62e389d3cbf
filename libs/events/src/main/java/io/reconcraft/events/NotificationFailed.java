package io.reconcraft.events;

public record NotificationFailed(String notificationId, String channel, String reason, int attempts)
        implements EventPayload {
}
