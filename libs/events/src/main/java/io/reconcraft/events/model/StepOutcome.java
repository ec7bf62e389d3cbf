package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code outcome} code of StepCompleted, and of RunStatusChanged / RunCompleted where a run ends or runs again
 * (runs use a subset of the same codes): the one place each code is spelled. On the wire it is the bare code
 * ({@code "sandbox_unavailable"}), exactly the string events have always carried.
 *
 * <p>Not an enum on purpose: a code this build does not know (a newer producer) is kept as it came, so a reader
 * still reads the event and writes the code back unchanged; it is not {@link #known()} and not retryable.
 *
 * <p>{@link #retryable()} says whether another attempt may cure the failure: a timeout, a sandbox that could not
 * start, an executor error, a webhook that could not be reached — never bad input or config, a target out of
 * scope or a cancellation.
 */
public final class StepOutcome {

    private static final Map<String, StepOutcome> KNOWN = new LinkedHashMap<>();

    public static final StepOutcome SKIPPED = known("skipped", false);
    public static final StepOutcome UPSTREAM_FAILED = known("upstream_failed", false);
    public static final StepOutcome TIMEOUT = known("timeout", true);
    public static final StepOutcome INVALID_CONFIG = known("invalid_config", false);
    public static final StepOutcome INVALID_RESULT = known("invalid_result", false);
    public static final StepOutcome INVALID_WORKFLOW = known("invalid_workflow", false);
    public static final StepOutcome INVALID_INPUT = known("invalid_input", false);
    public static final StepOutcome INVALID_OUTPUT = known("invalid_output", false);
    public static final StepOutcome STEP_FAILED = known("step_failed", false);
    public static final StepOutcome CANCELLED = known("cancelled", false);
    /** On RunStatusChanged(running) of a failed run that runs again from its failed steps. */
    public static final StepOutcome RETRYING = known("retrying", false);
    public static final StepOutcome SANDBOX_UNAVAILABLE = known("sandbox_unavailable", true);
    public static final StepOutcome RESOURCE_LIMIT = known("resource_limit", false);
    public static final StepOutcome OUTPUT_LIMIT = known("output_limit", false);
    public static final StepOutcome OUT_OF_SCOPE = known("out_of_scope", false);
    public static final StepOutcome NOT_SUPPORTED = known("not_supported", false);
    public static final StepOutcome ERROR = known("error", true);
    public static final StepOutcome TOOL_FAILED = known("tool_failed", false);
    public static final StepOutcome DELIVERY_FAILED = known("delivery_failed", true);
    public static final StepOutcome UPSTREAM_UNKNOWN = known("upstream_unknown", false);
    public static final StepOutcome REPORT_FAILED = known("report_failed", false);
    /** An onlyNew notification whose upstream findings were never sorted within the wait limit. */
    public static final StepOutcome FINDINGS_UNAVAILABLE = known("findings_unavailable", false);

    private final String wire;
    private final boolean retryable;
    private final boolean known;

    private StepOutcome(String wire, boolean retryable, boolean known) {
        this.wire = wire;
        this.retryable = retryable;
        this.known = known;
    }

    private static StepOutcome known(String wire, boolean retryable) {
        StepOutcome outcome = new StepOutcome(wire, retryable, true);
        KNOWN.put(wire, outcome);
        return outcome;
    }

    /** The code as the wire carries it; null stays null, an unknown code is kept as it came. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StepOutcome of(String wire) {
        if (wire == null) {
            return null;
        }
        StepOutcome known = KNOWN.get(wire);
        return known != null ? known : new StepOutcome(wire, false, false);
    }

    /** Only the codes this build knows. */
    public static Optional<StepOutcome> fromWire(String value) {
        return Optional.ofNullable(value).map(KNOWN::get);
    }

    /** Every code this build knows, in declaration order. */
    public static StepOutcome[] values() {
        return KNOWN.values().toArray(StepOutcome[]::new);
    }

    /** The wire code of a possibly absent outcome (null for null), for stores and read models that keep the string. */
    public static String wireOf(StepOutcome outcome) {
        return outcome == null ? null : outcome.wire;
    }

    /** Whether a failure with this code may be cured by another attempt; false for unknown or missing codes. */
    public static boolean isRetryable(String wire) {
        return fromWire(wire).map(StepOutcome::retryable).orElse(false);
    }

    /** The code as events carry it. */
    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean retryable() {
        return retryable;
    }

    /** False for a code from the wire that this build does not know. */
    public boolean known() {
        return known;
    }

    /** Whether {@code wire} is this code (false for null or another code). */
    public boolean is(String wire) {
        return this.wire.equals(wire);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StepOutcome that && wire.equals(that.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return wire;
    }
}
