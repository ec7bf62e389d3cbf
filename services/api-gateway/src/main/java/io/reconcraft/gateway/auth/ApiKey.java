package io.reconcraft.gateway.auth;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored API key: only the SHA-256 of the secret and a short display prefix are kept, never the key itself. */
@Document("api_keys")
public record ApiKey(
        @Id String id,
        String name,
        String keyHash,
        String keyPrefix,
        ApiRole role,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsed) {

    public static final String KEY_HASH = "keyHash";

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
