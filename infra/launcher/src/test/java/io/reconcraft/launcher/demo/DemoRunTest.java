package io.reconcraft.launcher.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DemoRun against a fake gateway that follows the agreed contract. */
class DemoRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "rc_test";

    private final List<JsonNode> workflowBodies = new CopyOnWriteArrayList<>();
    private final List<JsonNode> runBodies = new CopyOnWriteArrayList<>();
    private final List<String> apiKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private HttpServer server;
    private volatile String finalRun = RunReportTest.FINISHED_RUN;

    @BeforeEach
    void startFakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/workflows", exchange -> {
            workflowBodies.add(body(exchange));
            reply(exchange, 201, "{\"id\": \"wf-1\"}");
        });
        server.createContext("/api/runs", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                runBodies.add(body(exchange));
                reply(exchange, 201, "{\"id\": \"run-1\", \"status\": \"queued\"}");
            } else if (polls.incrementAndGet() < 3) {
                reply(exchange, 200, "{\"id\": \"run-1\", \"status\": \"running\", \"steps\": []}");
            } else {
                reply(exchange, 200, finalRun);
            }
        });
        server.start();
    }

    @AfterEach
    void stopFakeGateway() {
        server.stop(0);
    }

    @Test
    void givenGatewayFollowingTheContract_whenDemoRuns_thenItSucceedsAndPrintsTheReport() throws Exception {
        boolean succeeded = demo().run();

        assertThat(succeeded).isTrue();
        assertThat(apiKeys).isNotEmpty().allMatch(KEY::equals);
        JsonNode workflow = workflowBodies.get(0);
        assertThat(workflow.path("authorizedTargets").asBoolean(true)).isFalse();
        assertThat(workflow.path("nodes").valueStream().map(n -> n.path("kind").asString()).toList())
                .containsExactly("start", "nmap", "http-probe", "gitleaks");
        assertThat(workflow.path("nodes").valueStream().map(n -> n.path("category").asString()).toList())
                .containsExactly("utilities", "recon", "recon", "security");
        assertThat(workflow.path("nodes").get(1).path("config").path("flags").asString()).isEqualTo("-sV");
        assertThat(workflow.path("edges")).hasSize(3);
        JsonNode run = runBodies.get(0);
        assertThat(run.path("workflowId").asString()).isEqualTo("wf-1");
        assertThat(run.path("runMode").asString()).isEqualTo("demo");
        assertThat(run.path("targets").get(0).asString()).isEqualTo("127.0.0.1");
        assertThat(run.path("authorizeTargets").asBoolean(true)).isFalse();
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("status: running", "status: succeeded", "      | scan done",
                "Summary: 2 finding(s)");
    }

    @Test
    void givenRunThatFails_whenDemoRuns_thenResultIsFalse() throws Exception {
        finalRun = "{\"id\": \"run-1\", \"status\": \"failed\", \"steps\": []}";

        assertThat(demo().run()).isFalse();
    }

    @Test
    void givenRunThatNeverFinishes_whenTimeoutPasses_thenItFailsWithLastStatus() {
        polls.set(Integer.MIN_VALUE);
        DemoRun demo = new DemoRun(client(), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Duration.ofMillis(10), Duration.ofMillis(300));

        assertThatThrownBy(demo::run).hasMessageContaining("did not finish").hasMessageContaining("running");
    }

    private DemoRun demo() {
        return new DemoRun(client(), new PrintStream(printed, true, StandardCharsets.UTF_8),
                Duration.ofMillis(10), Duration.ofSeconds(10));
    }

    private GatewayClient client() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
        return new GatewayClient(HttpClient.newHttpClient(), base, KEY);
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        apiKeys.add(exchange.getRequestHeaders().getFirst("X-API-Key"));
        return JSON.readTree(exchange.getRequestBody().readAllBytes());
    }

    private void reply(HttpExchange exchange, int status, String json) throws IOException {
        apiKeys.add(exchange.getRequestHeaders().getFirst("X-API-Key"));
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
