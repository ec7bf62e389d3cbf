package io.reconcraft.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param heartbeat        how often an idle stream gets a comment line, so proxies and browsers keep it open
 * @param subscriberBuffer events held for one client that reads slower than they come; beyond it the client is
 *                         dropped with a final {@code error} event (and reconnects with Last-Event-ID)
 */
@ConfigurationProperties("reconcraft.gateway.sse")
public record SseProperties(Duration heartbeat, Integer subscriberBuffer) {

    public SseProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        subscriberBuffer = subscriberBuffer == null ? 1024 : subscriberBuffer;
    }
}
