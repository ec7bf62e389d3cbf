package io.reconcraft.events.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code outcome} codes of StepCompleted (and of RunStatusChanged / RunCompleted where a run ends or runs
 * again): the one place each code is spelled. The wire value is the lower-case name ({@code sandbox_unavailable});
 * events keep carrying it as a string, so a reader that meets a code it does not know still reads the event.
 * {@link #retryable()} says whether another attempt may cure the failure: a timeout, a sandbox that could not
 * start, an executor error, a webhook that could not be reached — never bad input or config, a target out of
 * scope or a cancellation.
 */
public enum StepOutcome {
    SKIPPED(false),
    UPSTREAM_FAILED(false),
    TIMEOUT(true),
    INVALID_CONFIG(false),
    INVALID_RESULT(false),
    INVALID_WORKFLOW(false),
    INVALID_INPUT(false),
    INVALID_OUTPUT(false),
    STEP_FAILED(false),
    CANCELLED(false),
    /** On RunStatusChanged(running) of a failed run that runs again from its failed steps. */
    RETRYING(false),
    SANDBOX_UNAVAILABLE(true),
    RESOURCE_LIMIT(false),
    OUTPUT_LIMIT(false),
    OUT_OF_SCOPE(false),
    NOT_SUPPORTED(false),
    ERROR(true),
    TOOL_FAILED(false),
    DELIVERY_FAILED(true),
    UPSTREAM_UNKNOWN(false),
    REPORT_FAILED(false);

    private final String wire;
    private final boolean retryable;

    StepOutcome(boolean retryable) {
        this.wire = name().toLowerCase(Locale.ROOT);
        this.retryable = retryable;
    }

    /** The code as events carry it. */
    public String wire() {
        return wire;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Whether {@code wire} is this code (false for null or an unknown code). */
    public boolean is(String wire) {
        return this.wire.equals(wire);
    }

    public static Optional<StepOutcome> fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(value)).findFirst();
    }

    /** Whether a failure with this code may be cured by another attempt; false for unknown codes. */
    public static boolean isRetryable(String wire) {
        return fromWire(wire).map(StepOutcome::retryable).orElse(false);
    }

    @Override
    public String toString() {
        return wire;
    }
}
