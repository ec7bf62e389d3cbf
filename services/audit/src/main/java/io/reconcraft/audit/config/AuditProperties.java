package io.reconcraft.audit.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maskedKeys         payload map keys (any depth, case-insensitive) whose values are stored as {@code ***}
 * @param maxResults         the most records one query may ask for ({@code limit})
 * @param defaultLimit       records returned when a query gives no {@code limit}
 * @param retention          how long records are kept (by {@code receivedAt}); zero keeps them forever
 * @param retentionInterval  how often expired records are removed (oldest first, moving the signed anchor)
 * @param chainKey           the HMAC key of the hash chain and its anchors (env RECONCRAFT_AUDIT_CHAIN_KEY); it is
 *                           never stored in the database, so whoever can write the database cannot re-hash
 * @param apiToken           the service credential the gateway sends on every call (env RECONCRAFT_AUDIT_API_TOKEN)
 * @param anchorTopic        the compacted topic the signed checkpoints of the chain's head and tail go to
 * @param fullVerifyInterval how often the whole chain is re-read in the background; between two full passes
 *                           {@code /audit/verify} checks the signed anchors and only the records added since
 * @param fullVerifyShare    the share of the time a background full pass works (it pauses between slices of work);
 *                           while it works, the database and the driver work for it in parallel, so its CPU is
 *                           about this share of one to two cores; 1 runs it at full speed
 */
@ConfigurationProperties("reconcraft.audit")
public record AuditProperties(List<String> maskedKeys, Integer maxResults, Integer defaultLimit, Duration retention,
                              Duration retentionInterval, String chainKey, String apiToken, String anchorTopic,
                              Duration fullVerifyInterval, Double fullVerifyShare) {

    static final int MIN_SECRET_LENGTH = 16;

    public AuditProperties {
        maskedKeys = maskedKeys == null ? List.of("webhookUrl", "apiKey", "key", "secret", "token") : List.copyOf(maskedKeys);
        maxResults = maxResults == null ? 1000 : maxResults;
        defaultLimit = defaultLimit == null ? maxResults : defaultLimit;
        retention = retention == null ? Duration.ofDays(365) : retention;
        retentionInterval = retentionInterval == null ? Duration.ofHours(1) : retentionInterval;
        anchorTopic = anchorTopic == null || anchorTopic.isBlank() ? "reconcraft.audit-anchors" : anchorTopic.strip();
        fullVerifyInterval = fullVerifyInterval == null ? Duration.ofMinutes(15) : fullVerifyInterval;
        fullVerifyShare = fullVerifyShare == null ? 0.1 : fullVerifyShare;
        if (!(fullVerifyShare > 0 && fullVerifyShare <= 1)) {
            throw new IllegalArgumentException("reconcraft.audit.full-verify-share must be more than 0 and at most 1");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("reconcraft.audit.retention must be zero (keep forever) or positive");
        }
        requireSecret("reconcraft.audit.chain-key (env RECONCRAFT_AUDIT_CHAIN_KEY)", chainKey);
        requireSecret("reconcraft.audit.api-token (env RECONCRAFT_AUDIT_API_TOKEN)", apiToken);
    }

    // No default on purpose: a key written in the code or the database protects nothing.
    private static void requireSecret(String name, String value) {
        if (value == null || value.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(name + " must be set to a random secret of at least "
                    + MIN_SECRET_LENGTH + " characters (the launcher generates one per stack)");
        }
    }

    public byte[] chainKeyBytes() {
        return chainKey.strip().getBytes(StandardCharsets.UTF_8);
    }

    public Set<String> maskedKeysLowerCase() {
        return maskedKeys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean keepsForever() {
        return retention.isZero();
    }

    /** Without the secrets, for logs. */
    @Override
    public String toString() {
        return "AuditProperties[retention=" + retention + ", anchorTopic=" + anchorTopic + "]";
    }
}
