package io.reconcraft.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a step-request topic is being worked: {@code ok}, {@code no-consumer} (the group has no live member),
 * {@code stalled} (members, but nothing committed for a while and the lag grew) or {@code unknown} (Kafka did not
 * answer).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsumerHealth(String status, String group, Integer members, Long lag) {

    static final String OK = "ok";
    static final String NO_CONSUMER = "no-consumer";
    static final String STALLED = "stalled";
    static final String UNKNOWN = "unknown";

    static ConsumerHealth unknown(String group) {
        return new ConsumerHealth(UNKNOWN, group, null, null);
    }

    boolean ok() {
        return OK.equals(status);
    }
}
