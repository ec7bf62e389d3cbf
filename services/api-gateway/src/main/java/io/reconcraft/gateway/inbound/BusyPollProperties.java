package io.reconcraft.gateway.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param records a poll of at least this many run events is a busy one; two busy ones in a row mean the stack is busy
 * @param pause   how long events gather while the stack is busy before the next poll; zero polls again at once always
 */
@ConfigurationProperties("reconcraft.gateway.read-model.busy-poll")
public record BusyPollProperties(Integer records, Duration pause) {

    public BusyPollProperties {
        records = records == null ? 2 : records;
        pause = pause == null ? Duration.ofMillis(10) : pause;
    }
}
