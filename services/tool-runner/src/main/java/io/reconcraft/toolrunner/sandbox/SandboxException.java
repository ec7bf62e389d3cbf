package io.reconcraft.toolrunner.sandbox;

/** A sandboxed run that did not end by itself; {@code outcome} is the step outcome to report. */
public class SandboxException extends RuntimeException {

    public static final String TIMEOUT = "timeout";
    public static final String UNAVAILABLE = "sandbox_unavailable";
    public static final String RESOURCE_LIMIT = "resource_limit";
    public static final String OUTPUT_LIMIT = "output_limit";
    public static final String CANCELLED = "cancelled";

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
