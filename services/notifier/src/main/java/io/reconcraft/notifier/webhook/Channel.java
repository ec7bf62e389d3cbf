package io.reconcraft.notifier.webhook;

import java.util.Locale;
import java.util.Optional;

/** A chat platform: the JSON field its webhooks read the message from, and how long a message may be. */
public enum Channel {
    SLACK("text", 40_000), DISCORD("content", 2_000);

    private final String messageField;
    private final int maxLength;

    Channel(String messageField, int maxLength) {
        this.messageField = messageField;
        this.maxLength = maxLength;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageField() {
        return messageField;
    }

    /** The message cut to what the platform accepts, marked when it was cut. */
    public String fit(String message) {
        return message.length() <= maxLength ? message : message.substring(0, maxLength - 1) + "…";
    }

    public static Optional<Channel> fromWire(String value) {
        for (Channel channel : values()) {
            if (channel.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
