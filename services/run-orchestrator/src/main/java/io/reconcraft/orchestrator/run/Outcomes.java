package io.reconcraft.orchestrator.run;

/** The {@code outcome} values this service writes; status stays in the closed set queued|running|succeeded|failed. */
public final class Outcomes {
    public static final String SKIPPED = "skipped";
    public static final String UPSTREAM_FAILED = "upstream_failed";
    public static final String TIMEOUT = "timeout";
    public static final String INVALID_CONFIG = "invalid_config";
    public static final String INVALID_RESULT = "invalid_result";
    public static final String INVALID_WORKFLOW = "invalid_workflow";
    public static final String STEP_FAILED = "step_failed";
    public static final String CANCELLED = "cancelled";
    /** On RunStatusChanged(running) of a failed run that runs again from its failed steps. */
    public static final String RETRYING = "retrying";

    private Outcomes() {
    }
}
