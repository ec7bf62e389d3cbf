package io.reconcraft.gateway.schedules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reconcraft.events.model.InputEcho;
import java.util.Locale;

/** What a due time does while the schedule's previous run is still queued or running. */
public enum Overlap {
    /** Skip this due time (audited). */
    SKIP,
    /** Start another run anyway. */
    ALLOW;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Overlap fromWire(String value) {
        for (Overlap overlap : values()) {
            if (overlap.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return overlap;
            }
        }
        throw new IllegalArgumentException(InputEcho.quoted(value) + " is not one of: skip, allow");
    }
}
