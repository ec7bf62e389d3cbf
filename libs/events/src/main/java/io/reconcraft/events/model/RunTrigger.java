package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What started a run: an API call, a schedule's due time, or a retry. {@code scheduleId} names the schedule when
 * there is one (a schedule's fire, or "run it now" on a schedule).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunTrigger(Type type, String scheduleId) {

    public RunTrigger {
        type = type == null ? Type.API : type;
    }

    public static RunTrigger api() {
        return new RunTrigger(Type.API, null);
    }

    public static RunTrigger schedule(String scheduleId) {
        return new RunTrigger(Type.SCHEDULE, scheduleId);
    }

    public enum Type {
        API, SCHEDULE, RETRY;

        @JsonValue
        public String wireName() {
            return name().toLowerCase();
        }

        @JsonCreator
        public static Type fromWire(String value) {
            return WireNames.parse(Type.class, value);
        }
    }
}
