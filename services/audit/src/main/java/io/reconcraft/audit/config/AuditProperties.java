package io.reconcraft.audit.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maskedKeys payload map keys (any depth, case-insensitive) whose values are stored as {@code ***}
 * @param maxResults the most records one query returns
 */
@ConfigurationProperties("reconcraft.audit")
public record AuditProperties(List<String> maskedKeys, Integer maxResults) {

    public AuditProperties {
        maskedKeys = maskedKeys == null ? List.of("webhookUrl", "apiKey", "key", "secret", "token") : List.copyOf(maskedKeys);
        maxResults = maxResults == null ? 10_000 : maxResults;
    }

    public Set<String> maskedKeysLowerCase() {
        return maskedKeys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
