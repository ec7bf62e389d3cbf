package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The closed set of run and step states the Studio understands. Finer outcomes
 * (cancelled, timeout, skipped, upstream_failed) travel separately as an {@code outcome}.
 */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static RunStatus fromWire(String value) {
        return WireNames.parse(RunStatus.class, value);
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
