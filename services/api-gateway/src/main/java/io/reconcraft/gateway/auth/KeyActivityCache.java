package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers for a few seconds whether a key still exists, so validating a token is not a query per request;
 * the time-to-live bounds how long a revoked key's tokens keep working on other instances.
 */
@Component
class KeyActivityCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    KeyActivityCache(GatewayProperties properties, Clock clock) {
        this.ttl = properties.keyCheckCacheTtl();
        this.clock = clock;
    }

    Boolean lookup(String keyId) {
        Entry entry = entries.get(keyId);
        if (entry == null || entry.checkedAt().plus(ttl).isBefore(clock.instant())) {
            return null;
        }
        return entry.active();
    }

    void remember(String keyId, boolean active) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(keyId, new Entry(active, clock.instant()));
    }

    void forget(String keyId) {
        entries.remove(keyId);
    }

    private record Entry(boolean active, Instant checkedAt) {
    }
}
