package io.reconcraft.toolrunner.sandbox;

import io.reconcraft.events.model.StepOutcome;

/** A sandboxed run that did not end by itself; {@code outcome} is the step outcome to report. */
public class SandboxException extends RuntimeException {

    public static final String TIMEOUT = StepOutcome.TIMEOUT.wire();
    public static final String UNAVAILABLE = StepOutcome.SANDBOX_UNAVAILABLE.wire();
    public static final String RESOURCE_LIMIT = StepOutcome.RESOURCE_LIMIT.wire();
    public static final String OUTPUT_LIMIT = StepOutcome.OUTPUT_LIMIT.wire();
    public static final String CANCELLED = StepOutcome.CANCELLED.wire();

    private final String outcome;

    public SandboxException(String outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public SandboxException(String outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    public String outcome() {
        return outcome;
    }
}
