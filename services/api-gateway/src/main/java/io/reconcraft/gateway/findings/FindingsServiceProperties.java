package io.reconcraft.gateway.findings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param findingsUrl     base URL of the findings service's internal API (env RECONCRAFT_GATEWAY_FINDINGS_URL)
 * @param findingsTimeout how long a call waits for it before answering 503 (a report on demand renders while waiting)
 */
@ConfigurationProperties("reconcraft.gateway")
public record FindingsServiceProperties(String findingsUrl, Duration findingsTimeout) {

    public FindingsServiceProperties {
        findingsUrl = findingsUrl == null || findingsUrl.isBlank() ? "http://127.0.0.1:8105" : findingsUrl.strip();
        findingsTimeout = findingsTimeout == null ? Duration.ofSeconds(30) : findingsTimeout;
    }
}
