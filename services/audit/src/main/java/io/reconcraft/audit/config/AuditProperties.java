package io.reconcraft.audit.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maskedKeys   payload map keys (any depth, case-insensitive) whose values are stored as {@code ***}
 * @param maxResults   the most records one query may ask for ({@code limit})
 * @param defaultLimit records returned when a query gives no {@code limit}
 * @param retention    how long records are kept (TTL on {@code receivedAt}); zero keeps them forever
 */
@ConfigurationProperties("reconcraft.audit")
public record AuditProperties(List<String> maskedKeys, Integer maxResults, Integer defaultLimit, Duration retention) {

    public AuditProperties {
        maskedKeys = maskedKeys == null ? List.of("webhookUrl", "apiKey", "key", "secret", "token") : List.copyOf(maskedKeys);
        maxResults = maxResults == null ? 1000 : maxResults;
        defaultLimit = defaultLimit == null ? maxResults : defaultLimit;
        retention = retention == null ? Duration.ofDays(365) : retention;
        if (retention.isNegative()) {
            throw new IllegalArgumentException("reconcraft.audit.retention must be zero (keep forever) or positive");
        }
    }

    public Set<String> maskedKeysLowerCase() {
        return maskedKeys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean keepsForever() {
        return retention.isZero();
    }
}
