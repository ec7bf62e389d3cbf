package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The node kinds the Studio draws, and which service executes each (one executor per kind). */
public enum NodeKind {
    START("start", Executor.ORCHESTRATOR),
    CONDITION("condition", Executor.ORCHESTRATOR),
    DELAY("delay", Executor.ORCHESTRATOR),
    NMAP("nmap", Executor.TOOL_RUNNER),
    HTTP_PROBE("http-probe", Executor.TOOL_RUNNER),
    GITLEAKS("gitleaks", Executor.TOOL_RUNNER),
    PARSER("parser", Executor.TOOL_RUNNER),
    REPORT("report", Executor.FINDINGS),
    SLACK("slack", Executor.NOTIFIER),
    DISCORD("discord", Executor.NOTIFIER);

    private final String wireName;
    private final Executor executor;

    NodeKind(String wireName, Executor executor) {
        this.wireName = wireName;
        this.executor = executor;
    }

    /** The name events and workflows carry, e.g. {@code http-probe}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Executor executor() {
        return executor;
    }

    public static Optional<NodeKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(value)).findFirst();
    }

    /** The kind named {@code value}; an unknown name is refused (an event carrying one is malformed). */
    @JsonCreator
    public static NodeKind parse(String value) {
        return fromWire(value).orElseThrow(
                () -> new IllegalArgumentException("unknown node kind " + InputEcho.quoted(value)));
    }

    /** The wire name, so messages and logs read as before ({@code the nmap step ...}). */
    @Override
    public String toString() {
        return wireName;
    }

    public enum Executor {
        ORCHESTRATOR, TOOL_RUNNER, NOTIFIER, FINDINGS
    }
}
