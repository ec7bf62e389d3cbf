package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers for a few seconds what the store said about a key: whether it still exists (so validating a token is not
 * a query per request) and, by the hash of a presented key, the key itself (so authenticating a request with an API
 * key is not one either). Only keys found are remembered, never a miss. The time-to-live bounds how long a revoked
 * key keeps working on other instances; on this one, {@link #forget} ends it at once.
 */
@Component
class KeyActivityCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Presented> presented = new ConcurrentHashMap<>();
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

    /** The stored key whose secret hashes to {@code keyHash}, as read less than the time-to-live ago; else null. */
    ApiKey presented(String keyHash) {
        Presented entry = presented.get(keyHash);
        if (entry == null || entry.checkedAt().plus(ttl).isBefore(clock.instant())) {
            return null;
        }
        return entry.key();
    }

    void rememberPresented(String keyHash, ApiKey key) {
        if (presented.size() >= MAX_ENTRIES) {
            presented.clear();
        }
        presented.put(keyHash, new Presented(key, clock.instant()));
    }

    /** Read the key from the store at its next use (for example after its last use was written there). */
    void forgetPresented(String keyHash) {
        presented.remove(keyHash);
    }

    void forget(String keyId) {
        entries.remove(keyId);
        presented.values().removeIf(entry -> entry.key().id().equals(keyId));
    }

    private record Entry(boolean active, Instant checkedAt) {
    }

    private record Presented(ApiKey key, Instant checkedAt) {
    }
}
