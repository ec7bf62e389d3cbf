package io.reconcraft.gateway.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The Studio's ApiKey shape; {@code key} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        String id,
        String name,
        String keyPrefix,
        ApiRole role,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsed,
        String key) {

    static ApiKeyView of(ApiKey stored) {
        return new ApiKeyView(stored.id(), stored.name(), stored.keyPrefix(), stored.role(), stored.createdAt(),
                stored.expiresAt(), stored.lastUsed(), null);
    }

    static ApiKeyView created(ApiKey stored, String key) {
        return new ApiKeyView(stored.id(), stored.name(), stored.keyPrefix(), stored.role(), stored.createdAt(),
                stored.expiresAt(), stored.lastUsed(), key);
    }
}
