package io.reconcraft.launcher.demo;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/** The {@code demo} command's client: creates the sample workflow, runs it and prints the outcome. */
public final class DemoRun {

    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    public static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> FINAL_STATUSES = Set.of("succeeded", "failed");

    private final GatewayClient gateway;
    private final PrintStream out;
    private final Duration pollInterval;
    private final Duration timeout;

    public DemoRun(GatewayClient gateway, PrintStream out) {
        this(gateway, out, POLL_INTERVAL, RUN_TIMEOUT);
    }

    public DemoRun(GatewayClient gateway, PrintStream out, Duration pollInterval, Duration timeout) {
        this.gateway = gateway;
        this.out = out;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** @return true when the run succeeded */
    public boolean run() throws IOException, InterruptedException {
        String workflowId = requiredId(gateway.post("/workflows", SampleWorkflow.body(), 201), "workflow");
        out.println("created workflow \"" + SampleWorkflow.NAME + "\" (" + workflowId + ")");
        String runId = requiredId(gateway.post("/runs", SampleWorkflow.runRequest(workflowId), 201), "run");
        out.println("started run " + runId + " against 127.0.0.1 (demo mode)");

        JsonNode run = awaitFinished(runId);
        out.println();
        RunReport.lines(run).forEach(out::println);
        return "succeeded".equals(run.path("status").asString(""));
    }

    private JsonNode awaitFinished(String runId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastStatus = "";
        while (true) {
            JsonNode run = gateway.get("/runs/" + runId);
            String status = run.path("status").asString("unknown");
            if (!status.equals(lastStatus)) {
                out.println("  status: " + status);
                lastStatus = status;
            }
            if (FINAL_STATUSES.contains(status)) {
                return run;
            }
            if (System.nanoTime() >= deadline) {
                throw new GatewayClient.GatewayException("run " + runId + " did not finish within "
                        + timeout.toSeconds() + " s (last status: " + status + ")");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private static String requiredId(JsonNode reply, String what) {
        String id = reply.path("id").asString("");
        if (id.isBlank()) {
            throw new GatewayClient.GatewayException("the gateway created a " + what + " but returned no id: " + reply);
        }
        return id;
    }
}
