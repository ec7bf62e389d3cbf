package io.reconcraft.gateway.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param records a poll of at least this many run events means the gateway is busy
 * @param pause   how long events gather after a busy poll before the next; zero polls again at once always
 */
@ConfigurationProperties("reconcraft.gateway.read-model.busy-poll")
public record BusyPollProperties(Integer records, Duration pause) {

    public BusyPollProperties {
        records = records == null ? 8 : records;
        pause = pause == null ? Duration.ofMillis(10) : pause;
    }
}
