package io.reconcraft.toolrunner.execution.live.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Caps of the live HTTP probe.
 *
 * @param maxBodySize     the most of a response body that is read (the rest is not downloaded)
 * @param connectTimeout  per connection attempt
 * @param requestTimeout  per request, from connect to the last body byte read
 * @param maxRedirects    redirect hops followed (each only when its host is inside the run's scope)
 */
@ConfigurationProperties("reconcraft.toolrunner.http-probe")
public record HttpProbeProperties(DataSize maxBodySize, Duration connectTimeout, Duration requestTimeout,
                                  Integer maxRedirects) {

    public HttpProbeProperties {
        maxBodySize = maxBodySize == null || maxBodySize.toBytes() < 1 ? DataSize.ofMegabytes(1) : maxBodySize;
        connectTimeout = positiveOr(connectTimeout, Duration.ofSeconds(5));
        requestTimeout = positiveOr(requestTimeout, Duration.ofSeconds(20));
        maxRedirects = maxRedirects == null || maxRedirects < 0 ? 5 : Math.min(maxRedirects, 20);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
