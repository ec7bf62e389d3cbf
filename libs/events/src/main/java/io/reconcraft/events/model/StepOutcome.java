package io.reconcraft.events.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Optional;

/**
 * The {@code outcome} code of StepCompleted, and of RunStatusChanged / RunCompleted where a run ends or runs again
 * (runs use a subset of the same codes): the one place each code is spelled. On the wire it is the bare code
 * ({@code "sandbox_unavailable"}), exactly the string events have always carried; a code this build does not know
 * is kept as it came and is not retryable (see {@link WireCode}).
 *
 * <p>{@link #retryable()} says whether another attempt may cure the failure: a timeout, a sandbox that could not
 * start, an executor error, a webhook that could not be reached — never bad input or config, a target out of
 * scope or a cancellation.
 */
public final class StepOutcome extends WireCode {

    public static final StepOutcome SKIPPED = known(new StepOutcome("skipped", false));
    public static final StepOutcome UPSTREAM_FAILED = known(new StepOutcome("upstream_failed", false));
    public static final StepOutcome TIMEOUT = known(new StepOutcome("timeout", true));
    public static final StepOutcome INVALID_CONFIG = known(new StepOutcome("invalid_config", false));
    public static final StepOutcome INVALID_RESULT = known(new StepOutcome("invalid_result", false));
    public static final StepOutcome INVALID_WORKFLOW = known(new StepOutcome("invalid_workflow", false));
    public static final StepOutcome INVALID_INPUT = known(new StepOutcome("invalid_input", false));
    public static final StepOutcome INVALID_OUTPUT = known(new StepOutcome("invalid_output", false));
    public static final StepOutcome STEP_FAILED = known(new StepOutcome("step_failed", false));
    public static final StepOutcome CANCELLED = known(new StepOutcome("cancelled", false));
    /** On RunStatusChanged(running) of a failed run that runs again from its failed steps. */
    public static final StepOutcome RETRYING = known(new StepOutcome("retrying", false));
    public static final StepOutcome SANDBOX_UNAVAILABLE = known(new StepOutcome("sandbox_unavailable", true));
    public static final StepOutcome RESOURCE_LIMIT = known(new StepOutcome("resource_limit", false));
    public static final StepOutcome OUTPUT_LIMIT = known(new StepOutcome("output_limit", false));
    public static final StepOutcome OUT_OF_SCOPE = known(new StepOutcome("out_of_scope", false));
    public static final StepOutcome NOT_SUPPORTED = known(new StepOutcome("not_supported", false));
    public static final StepOutcome ERROR = known(new StepOutcome("error", true));
    public static final StepOutcome TOOL_FAILED = known(new StepOutcome("tool_failed", false));
    public static final StepOutcome DELIVERY_FAILED = known(new StepOutcome("delivery_failed", true));
    public static final StepOutcome UPSTREAM_UNKNOWN = known(new StepOutcome("upstream_unknown", false));
    public static final StepOutcome REPORT_FAILED = known(new StepOutcome("report_failed", false));
    /** An onlyNew notification whose upstream findings were never sorted within the wait limit. */
    public static final StepOutcome FINDINGS_UNAVAILABLE = known(new StepOutcome("findings_unavailable", false));

    private final boolean retryable;

    private StepOutcome(String wire, boolean retryable) {
        super(wire);
        this.retryable = retryable;
    }

    /** The code as the wire carries it; null stays null, an unknown code is kept as it came. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StepOutcome of(String wire) {
        return of(StepOutcome.class, wire, unknown -> new StepOutcome(unknown, false));
    }

    /** Only the codes this build knows. */
    public static Optional<StepOutcome> fromWire(String value) {
        return Optional.ofNullable(value).map(knownOf(StepOutcome.class)::get).map(StepOutcome.class::cast);
    }

    /** Every code this build knows, in declaration order. */
    public static StepOutcome[] values() {
        return knownOf(StepOutcome.class).values().toArray(StepOutcome[]::new);
    }

    /** Whether a failure with this code may be cured by another attempt; false for unknown or missing codes. */
    public static boolean isRetryable(String wire) {
        return fromWire(wire).map(StepOutcome::retryable).orElse(false);
    }

    public boolean retryable() {
        return retryable;
    }
}
