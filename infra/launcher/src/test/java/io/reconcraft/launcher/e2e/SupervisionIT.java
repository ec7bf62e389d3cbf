package io.reconcraft.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static io.reconcraft.launcher.e2e.E2eWorkflows.QUICK_NMAP;
import static io.reconcraft.launcher.e2e.E2eWorkflows.START;
import static io.reconcraft.launcher.e2e.E2eWorkflows.edge;
import static io.reconcraft.launcher.e2e.E2eWorkflows.node;
import static io.reconcraft.launcher.e2e.E2eWorkflows.sampleWith;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.Topics;
import io.reconcraft.launcher.service.RestartPolicy;
import io.reconcraft.launcher.stack.LocalStack;
import io.reconcraft.launcher.stack.ServiceName;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The launcher supervises the services it started: a tool-runner killed with SIGKILL mid-run is started
 * again, the run finishes with each step run once, and while no tool-runner works its topic the stack says
 * it is unhealthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionIT {

    // well beyond the consumer session timeout (10 s) plus a health refresh (2 s), so the gap is there to be
    // seen, and well within the gitleaks step's timeout (10 min), so the step waits for the restarted runner
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(45);

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private E2eStack e2e;
    private LocalStack stack;
    private Api api;
    private Api audit;

    @BeforeAll
    void startTheStack(@TempDir Path home) {
        PrintStream out = new PrintStream(new Tee(System.out, console), true, StandardCharsets.UTF_8);
        e2e = E2eStack.start(home, Duration.ofMinutes(8), (config, adminKey) ->
                new LocalStack(config, adminKey, out, RestartPolicy.DEFAULT.withFirstDelay(FIRST_RESTART_DELAY)));
        stack = e2e.stack;
        api = e2e.api;
        audit = e2e.audit();
    }

    @AfterAll
    void stopTheStack() {
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void givenARunMidWay_whenTheToolRunnerIsKilled_thenHealthIs503UntilTheLauncherRestartsIt_andTheRunFinishesWithEachStepOnce() {
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/health").status() == 200);
        String runId = startRunWithADelayBetweenTwoToolSteps();
        await().atMost(Duration.ofSeconds(60)).until(() -> e2e.stepStatus(runId, "wait").equals("running"));

        ProcessHandle toolRunner = stack.processOf(ServiceName.TOOL_RUNNER).orElseThrow();
        toolRunner.destroyForcibly();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            Api.Response health = api.get("/health");
            assertThat(health.status()).isEqualTo(503);
            JsonNode body = health.json();
            assertThat(body.get("status").asString()).isEqualTo("unhealthy");
            assertThat(body.get("components").get(Topics.TOOL_STEP_REQUESTS).get("status").asString())
                    .isEqualTo("no-consumer");
        });
        assertThat(stack.processOf(ServiceName.TOOL_RUNNER).orElseThrow().pid()).isEqualTo(toolRunner.pid());
        assertThat(consoleText()).contains("tool-runner exited (code 137); restarting in 45s (attempt 1/5)");

        JsonNode run = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/runs/" + runId).expect(200).json(),
                        r -> Set.of("succeeded", "failed").contains(r.get("status").asString()));
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        run.get("steps").forEach(step -> assertThat(step.get("status").asString()).isEqualTo("succeeded"));
        assertThat(stack.processOf(ServiceName.TOOL_RUNNER).orElseThrow().pid()).isNotEqualTo(toolRunner.pid());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(nodesOf(runId, "StepRequested")).containsExactlyInAnyOrder("nmap", "leaks");
            // the orchestrator reports the steps it runs itself (start, delay) as completed too: each once
            assertThat(nodesOf(runId, "StepCompleted")).containsExactlyInAnyOrder("start", "nmap", "wait", "leaks");
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/health").status() == 200);
    }

    private String startRunWithADelayBetweenTwoToolSteps() {
        Map<String, Object> workflow = sampleWith("e2e supervision",
                List.of(START, QUICK_NMAP, node("wait", "delay", Map.of("duration", "5")),
                        node("leaks", "gitleaks", Map.of("repoUrl", "https://github.com/example/demo-repo", "branch", "main"))),
                List.of(edge("start", "nmap"), edge("nmap", "wait"), edge("wait", "leaks")));
        String workflowId = api.post("/workflows", workflow).expect(201).json().get("id").asString();
        return api.post("/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).expect(201).json().get("id").asString();
    }

    private List<String> nodesOf(String runId, String type) {
        List<String> nodes = new ArrayList<>();
        audit.get("/audit/events?runId=" + runId + "&type=" + type).expect(200).json()
                .forEach(record -> nodes.add(record.get("payload").get("nodeId").asString()));
        return nodes;
    }

    private String consoleText() {
        synchronized (console) {
            return console.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes to the real console and keeps a copy the test can read. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream first, ByteArrayOutputStream copy) {
            this.first = first;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
