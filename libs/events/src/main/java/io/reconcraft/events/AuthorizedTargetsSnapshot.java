package io.reconcraft.events;

import java.time.Instant;
import java.util.List;

/**
 * The whole authorized-target allow-list as the gateway holds it now, published after every change and
 * periodically on a compacted topic under one key, so a reader needs only the newest record. Executors check
 * targets against this (signed) list, never against the scope a request carries about itself.
 */
public record AuthorizedTargetsSnapshot(List<String> entries, Instant asOf) implements EventPayload {

    public AuthorizedTargetsSnapshot {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
