package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.config.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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

    private final Remembered<Boolean> active;
    private final Remembered<ApiKey> presented;

    KeyActivityCache(GatewayProperties properties, Clock clock) {
        this.active = new Remembered<>(properties.keyCheckCacheTtl(), clock);
        this.presented = new Remembered<>(properties.keyCheckCacheTtl(), clock);
    }

    Boolean lookup(String keyId) {
        return active.get(keyId);
    }

    void remember(String keyId, boolean isActive) {
        active.put(keyId, isActive);
    }

    /** The stored key whose secret hashes to {@code keyHash}, as read less than the time-to-live ago; else null. */
    ApiKey presented(String keyHash) {
        return presented.get(keyHash);
    }

    void rememberPresented(String keyHash, ApiKey key) {
        presented.put(keyHash, key);
    }

    /** Read the key from the store at its next use (for example after its last use was written there). */
    void forgetPresented(String keyHash) {
        presented.remove(keyHash);
    }

    void forget(String keyId) {
        active.remove(keyId);
        presented.removeIf(key -> key.id().equals(keyId));
    }

    /**
     * Values as read from the store, each for the time-to-live after it was read; emptied when it would pass
     * {@value #MAX_ENTRIES}, so keys that are presented once each cannot grow the heap.
     */
    private static final class Remembered<V> {

        private final Map<String, Read<V>> values = new ConcurrentHashMap<>();
        private final Duration ttl;
        private final Clock clock;

        Remembered(Duration ttl, Clock clock) {
            this.ttl = ttl;
            this.clock = clock;
        }

        V get(String key) {
            Read<V> read = values.get(key);
            return read == null || read.at().plus(ttl).isBefore(clock.instant()) ? null : read.value();
        }

        void put(String key, V value) {
            if (values.size() >= MAX_ENTRIES) {
                values.clear();
            }
            values.put(key, new Read<>(value, clock.instant()));
        }

        void remove(String key) {
            values.remove(key);
        }

        void removeIf(Predicate<V> which) {
            values.values().removeIf(read -> which.test(read.value()));
        }
    }

    private record Read<V>(V value, Instant at) {
    }
}
