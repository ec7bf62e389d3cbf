package io.reconcraft.events;

public record NotificationSent(String notificationId, String channel, int httpStatus, int attempts)
        implements EventPayload {
}
