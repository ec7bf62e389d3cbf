package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Severity fromWire(String value) {
        return WireNames.parse(Severity.class, value);
    }
}
