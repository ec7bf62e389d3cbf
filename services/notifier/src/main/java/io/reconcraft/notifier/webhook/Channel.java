package io.reconcraft.notifier.webhook;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.notifier.message.DiscordFormat;
import io.reconcraft.notifier.message.Notification;
import io.reconcraft.notifier.message.SlackFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A chat platform, and the JSON body its incoming webhooks accept. */
public enum Channel {
    SLACK(SlackFormat::body), DISCORD(DiscordFormat::body);

    private final Function<Notification, Map<String, Object>> format;

    Channel(Function<Notification, Map<String, Object>> format) {
        this.format = format;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The webhook body for this platform, within its size limits. */
    public Map<String, Object> body(Notification notification) {
        return format.apply(notification);
    }

    /** The platform of a {@code slack} or {@code discord} step; empty for any other kind. */
    public static Optional<Channel> of(NodeKind kind) {
        return kind == null || kind.executor() != NodeKind.Executor.NOTIFIER ? Optional.empty() : fromWire(kind.wireName());
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
