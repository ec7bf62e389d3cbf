package io.reconcraft.launcher.stack;

/** The packaged services, in the order they are listed to the user. */
public enum ServiceName {
    API_GATEWAY("api-gateway", "GATEWAY", 8000),
    RUN_ORCHESTRATOR("run-orchestrator", "RUN_ORCHESTRATOR", 8101),
    TOOL_RUNNER("tool-runner", "TOOL_RUNNER", 8102),
    NOTIFIER("notifier", "NOTIFIER", 8103),
    AUDIT("audit", "AUDIT", 8104),
    FINDINGS("findings", "FINDINGS", 8105);

    private final String id;
    private final String envKey;
    private final int defaultPort;

    ServiceName(String id, String envKey, int defaultPort) {
        this.id = id;
        this.envKey = envKey;
        this.defaultPort = defaultPort;
    }

    /** Module folder and jar name, e.g. {@code api-gateway}. */
    public String id() {
        return id;
    }

    /** Environment variable that overrides the port, e.g. {@code RECONCRAFT_GATEWAY_PORT}. */
    public String portVariable() {
        return "RECONCRAFT_" + envKey + "_PORT";
    }

    public int defaultPort() {
        return defaultPort;
    }
}
