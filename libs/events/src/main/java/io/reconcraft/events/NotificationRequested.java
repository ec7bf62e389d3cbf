package io.reconcraft.events;

/**
 * A message to post. {@code webhookUrl} is null when the configured integration of the
 * {@code channel} is meant; it is a secret, masked wherever events are stored or shown.
 */
public record NotificationRequested(
        String notificationId,
        String channel,
        String webhookUrl,
        String message,
        String requestedBy) implements EventPayload {
}
