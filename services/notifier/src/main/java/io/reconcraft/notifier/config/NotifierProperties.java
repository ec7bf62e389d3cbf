package io.reconcraft.notifier.config;

import io.reconcraft.messaging.WorkerIds;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workerId       names this instance in StepStarted and on the deliveries it claims; blank means hostname + pid
 * @param connectTimeout how long to wait for a webhook's TCP/TLS connection
 * @param readTimeout    how long to wait for a webhook's answer bytes
 * @param callTimeout    the whole webhook call at most, whatever happens inside it
 */
@ConfigurationProperties("reconcraft.notifier")
public record NotifierProperties(String workerId, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {

    public NotifierProperties {
        workerId = workerId == null || workerId.isBlank() ? WorkerIds.of("notifier") : workerId.trim();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        callTimeout = callTimeout == null ? Duration.ofSeconds(20) : callTimeout;
    }
}
