package io.reconcraft.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body accepted; larger ones get 413 (declared length or counted while read)
 * @param rateLimit   requests allowed per API key (token bucket, in memory, per gateway instance)
 */
@ConfigurationProperties("reconcraft.gateway.limits")
public record LimitProperties(DataSize maxBodySize, RateLimit rateLimit) {

    public LimitProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
    }

    /**
     * @param enabled           whether requests are limited at all
     * @param requestsPerSecond sustained rate per key
     * @param burst             requests a key may make at once after being idle
     */
    public record RateLimit(Boolean enabled, Double requestsPerSecond, Integer burst) {
        public RateLimit {
            enabled = enabled == null || enabled;
            requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
            burst = burst == null ? 100 : burst;
        }
    }
}
