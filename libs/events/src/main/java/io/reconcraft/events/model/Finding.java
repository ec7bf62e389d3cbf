package io.reconcraft.events.model;

import java.util.Map;

/**
 * One thing a tool found. The first six fields are the Studio's; the rest are ours.
 * {@code fingerprint} is stable across runs for the same issue on the same target, so
 * findings can be de-duplicated and compared between runs.
 */
public record Finding(
        String id,
        Severity severity,
        String title,
        String description,
        String service,
        Integer port,
        String target,
        String tool,
        String fingerprint,
        Map<String, Object> metadata) {

    public Finding {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
