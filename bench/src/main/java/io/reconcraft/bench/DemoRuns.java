package io.reconcraft.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fires demo runs of one workflow at a fixed concurrency and times each from POST to a final status. */
final class DemoRuns {

    static final int POLL_MILLIS = 10;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String api;
    private final String key;

    DemoRuns(String api, String key) {
        this.api = api;
        this.key = key;
    }

    String createWorkflow() throws Exception {
        Map<String, Object> workflow = Map.of(
                "name", "bench: start → nmap → http-probe → gitleaks",
                "authorizedTargets", false,
                "nodes", List.of(
                        node("start", "start", "utilities", Map.of()),
                        node("nmap", "nmap", "recon", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV")),
                        node("probe", "http-probe", "recon", Map.of("timeout", 5, "followRedirects", true)),
                        node("leaks", "gitleaks", "security", Map.of("repoUrl", "https://github.com/example/demo", "branch", "main"))),
                "edges", List.of(edge("start", "nmap"), edge("nmap", "probe"), edge("probe", "leaks")));
        return send("POST", "/workflows", workflow).get("id").asString();
    }

    Result run(String workflowId, int runs, int concurrency) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    String status = runOnce(workflowId);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (!status.equals("succeeded")) {
                        failures.add(status);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(runs, seconds, Percentiles.of(latencies), failures.size());
    }

    private String runOnce(String workflowId) throws Exception {
        String runId = send("POST", "/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).get("id").asString();
        while (true) {
            String status = send("GET", "/runs/" + runId, null).get("status").asString();
            if (status.equals("succeeded") || status.equals("failed")) {
                return status;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private JsonNode send(String method, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).method(method, publisher)
                .header("X-API-Key", key).header("Content-Type", "application/json").build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static Map<String, Object> node(String id, String kind, String category, Map<String, Object> config) {
        return Map.of("id", id, "kind", kind, "label", id, "category", category, "config", config,
                "position", Map.of("x", 0, "y", 0));
    }

    private static Map<String, Object> edge(String source, String target) {
        return Map.of("id", source + "-" + target, "source", source, "target", target);
    }

    record Result(int runs, double seconds, Percentiles latency, int failed) {
        double runsPerSecond() {
            return runs / seconds;
        }
    }
}
