package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code live} touches the network (inside the authorized scope); {@code demo} produces canned output and sends no traffic. */
public enum RunMode {
    LIVE, DEMO;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static RunMode fromWire(String value) {
        return WireNames.parse(RunMode.class, value);
    }
}
