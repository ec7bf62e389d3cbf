package io.reconcraft.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fires demo runs of one workflow at a fixed concurrency and times each from POST to a final status. */
final class DemoRuns {

    static final int POLL_MILLIS = 5;
    /** Enough clients for the paced runs in flight: at 50 runs/s, runs taking up to 5 s. */
    private static final int PACED_CLIENTS = 256;

    private final JsonMapper json = JsonMapper.builder().build();
    /** As a browser speaks to the gateway over plain HTTP (the JDK's client would otherwise offer an h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String api;
    private final String key;

    DemoRuns(String api, String key) {
        this.api = api;
        this.key = key;
    }

    String createWorkflow() throws Exception {
        return createWorkflow("bench: start → nmap → http-probe", List.of());
    }

    /** The Studio's ordinary graph: the demo workflow ending in a report node (html + json, its defaults). */
    String createReportWorkflow() throws Exception {
        return createWorkflow("bench: start → nmap → http-probe → report", List.of(
                node("report", "report", "output", Map.of("title", "Bench report", "includeSections", List.of("summary", "findings", "recommendations")))));
    }

    /**
     * 1 → {@code width} → 1: a scan, {@code width} scans after it, and an HTTP probe of what they all found — a fan-out
     * and a join whose request carries every parent's outputs.
     */
    String createFanOutWorkflow(int width) throws Exception {
        List<Map<String, Object>> nodes = new ArrayList<>(List.of(node("start", "start", "utilities", Map.of()),
                node("first", "nmap", "recon", Map.of("targets", List.of(), "profile", "quick")),
                node("join", "http-probe", "recon", Map.of("timeout", 5))));
        List<Map<String, Object>> edges = new ArrayList<>(List.of(edge("start", "first")));
        for (int i = 0; i < width; i++) {
            String id = "scan" + i;
            nodes.add(node(id, "nmap", "recon", Map.of("targets", List.of(), "profile", "quick")));
            edges.add(edge("first", id));
            edges.add(edge(id, "join"));
        }
        return send("POST", "/workflows", Map.of("name", "bench: 1 → " + width + " → 1", "authorizedTargets", false,
                "nodes", nodes, "edges", edges)).get("id").asString();
    }

    private String createWorkflow(String name, List<Map<String, Object>> after) throws Exception {
        List<Map<String, Object>> nodes = new ArrayList<>(List.of(
                node("start", "start", "utilities", Map.of()),
                node("nmap", "nmap", "recon", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV")),
                node("probe", "http-probe", "recon", Map.of("timeout", 5, "followRedirects", true))));
        List<Map<String, Object>> edges = new ArrayList<>(List.of(edge("start", "nmap"), edge("nmap", "probe")));
        String previous = "probe";
        for (Map<String, Object> node : after) {
            nodes.add(node);
            edges.add(edge(previous, (String) node.get("id")));
            previous = (String) node.get("id");
        }
        return send("POST", "/workflows", Map.of("name", name, "authorizedTargets", false, "nodes", nodes,
                "edges", edges)).get("id").asString();
    }

    /** Posts {@code runs} runs as fast as 8 clients can, then waits until every one has ended (open loop). */
    Result openLoop(String workflowId, int runs) throws Exception {
        long finishedBefore = finishedRuns();
        long failedBefore = failedRuns();
        long start = System.nanoTime();
        onThreads(8, runs, i -> start(workflowId));
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (finishedRuns() - finishedBefore < runs) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the runs did not end within 30 minutes");
            }
            Thread.sleep(250); // each check is a /api/metrics call: polling faster would load the stack it measures
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(runs, seconds, Percentiles.of(List.of()), (int) (failedRuns() - failedBefore));
    }

    /** {@code clients} clients, each starting a run and polling it every {@code pollMillis} until it ends. */
    Result closedLoop(String workflowId, int clients, int seconds, int pollMillis) throws Exception {
        return closedLoop(workflowId, clients, seconds, pollMillis, new ConcurrentHashMap<>());
    }

    /**
     * As {@link #closedLoop(String, int, int, int)}, adding to {@code seen} each run's moments as its client saw them
     * (POST sent, POST answered, final status read; wall-clock, like the records' timestamps) under its run id.
     */
    Result closedLoop(String workflowId, int clients, int seconds, int pollMillis,
            Map<String, List<RunTimeline.Entry>> seen) throws Exception {
        return closedLoop(workflowId, clients, seconds, runId -> awaitEnd(runId, pollMillis), "final status read",
                seen);
    }

    /**
     * {@code clients} clients, each starting a run and following it the Studio's way — its event stream, until the
     * stream ends after the run's final event — then reading its status once; moments added to {@code seen}
     * (POST sent, POST answered, stream ended).
     */
    Result closedLoopFollowingEvents(String workflowId, int clients, int seconds,
            Map<String, List<RunTimeline.Entry>> seen) throws Exception {
        return closedLoop(workflowId, clients, seconds, this::followEvents, "event stream ended", seen);
    }

    private Result closedLoop(String workflowId, int clients, int seconds, RunFollower follower, String endMoment,
            Map<String, List<RunTimeline.Entry>> seen) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        onThreads(clients, clients, c -> {
            while (System.nanoTime() < end) {
                timedRun(workflowId, follower, endMoment, latencies, failures, seen);
            }
        });
        double took = (System.nanoTime() - start) / 1e9;
        return new Result(latencies.size(), took, Percentiles.of(latencies), failures.size());
    }

    /**
     * Runs started at a steady {@code perSecond} for {@code seconds}, whether or not the earlier ones have ended, each
     * followed by its event stream. A run's latency counts from the moment it was due to start, so a start the stack
     * (or a busy client) delayed counts its wait too — the latency a user sees at that load, not the closed loop's,
     * which only ever has {@code clients} runs in flight.
     */
    Result pacedFollowingEvents(String workflowId, int perSecond, int seconds) throws Exception {
        return paced(workflowId, perSecond, seconds).result();
    }

    /**
     * Runs started at {@code perSecond} for {@code seconds}, whether or not earlier ones have ended, each followed by
     * its event stream and timed from the moment it was due to start; with each second's mean latency (by the second
     * its runs were due in), so that a stall shows when it happened.
     */
    Paced paced(String workflowId, int perSecond, int seconds) throws Exception {
        int runs = perSecond * seconds;
        double[] latencyOf = new double[runs];
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long startedAtMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        onThreads(PACED_CLIENTS, runs, i -> {
            long due = dueAt(start, i, perSecond);
            sleepUntil(due);
            String runId = start(workflowId);
            String status = followEvents(runId);
            latencyOf[i] = (System.nanoTime() - due) / 1e6;
            if (!status.equals("succeeded")) {
                failures.add(tellFailure(runId, status));
            }
        });
        double took = (System.nanoTime() - start) / 1e9;
        List<Double> latencies = new ArrayList<>(runs);
        double[] meanBySecond = new double[seconds];
        for (int i = 0; i < runs; i++) {
            latencies.add(latencyOf[i]);
            meanBySecond[i / perSecond] += latencyOf[i] / perSecond;
        }
        return new Paced(new Result(runs, took, Percentiles.of(latencies), failures.size()), startedAtMillis,
                meanBySecond);
    }

    /** A paced load's result, when it started (epoch milliseconds) and the mean latency of each second's runs. */
    record Paced(Result result, long startedAtMillis, double[] meanBySecond) {
        /** The second whose runs waited longest on average, counted from the start. */
        int worstSecond() {
            int worst = 0;
            for (int second = 1; second < meanBySecond.length; second++) {
                if (meanBySecond[second] > meanBySecond[worst]) {
                    worst = second;
                }
            }
            return worst;
        }
    }

    /**
     * A run the client did not see succeed, told on stderr with what it saw (its final status as read, or how its
     * event stream answered), so that the row's failure count can be looked into; answers what it saw.
     */
    private static String tellFailure(String runId, String seen) {
        System.err.println("run " + runId + " was not seen to succeed: " + seen);
        return seen;
    }

    /** Follows a started run until it has ended and answers its final status. */
    private interface RunFollower {
        String followToEnd(String runId) throws Exception;
    }

    /** The run's event stream until it ends, then its status; a stream that did not open or end counts as a failure. */
    private String followEvents(String runId) throws Exception {
        EventStreamRead.Outcome stream = readEventStream(runId);
        if (!stream.ended()) {
            return stream.describe(runId);
        }
        if (stream.status() != 200) {
            return "event stream answered " + stream.status();
        }
        return send("GET", "/runs/" + runId, null).get("status").asString();
    }

    /**
     * Reads the run's event stream until the gateway ends it (after the run's final event); one that does not end
     * within {@link EventStreamRead#DEADLINE} is told on stderr with the run's status, so it can be looked into.
     */
    private EventStreamRead.Outcome readEventStream(String runId) throws Exception {
        EventStreamRead.Outcome stream = EventStreamRead.of(http, api, key, runId, EventStreamRead.DEADLINE);
        if (!stream.ended()) {
            System.err.println(stream.describe(runId) + "; the run's status: "
                    + send("GET", "/runs/" + runId, null).get("status").asString());
        }
        return stream;
    }

    /** Latency of {@code requests} GETs of {@code path}, at most {@code perSecond} a second from 4 clients. */
    Percentiles reads(String path, int requests, int perSecond) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        onThreads(4, requests, i -> {
            sleepUntil(dueAt(start, i, perSecond));
            long t0 = System.nanoTime();
            send("GET", path, null);
            latencies.add((System.nanoTime() - t0) / 1e6);
        });
        return Percentiles.of(latencies);
    }

    /**
     * Posts {@code backlog} runs at once, then has another submitter (a new operator key) start one run: the
     * seconds until that run's first tool step has started, and the queue position shown on the backlog's last run.
     */
    Backlog newRunBehind(String workflowId, int backlog) throws Exception {
        long finishedBefore = finishedRuns();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        onThreads(8, backlog, i -> ids.add(start(workflowId)));
        String last = ids.get(ids.size() - 1);
        JsonNode lastRun = send("GET", "/runs/" + last, null);
        String operatorKey = send("POST", "/auth/api-keys", Map.of("name", "bench-other-submitter", "role", "operator"))
                .get("key").asString();
        DemoRuns other = new DemoRuns(api, operatorKey);
        long t0 = System.nanoTime();
        String runId = other.start(workflowId);
        while (!firstToolStepStarted(other.send("GET", "/runs/" + runId, null))) {
            Thread.sleep(POLL_MILLIS);
        }
        double startedAfter = (System.nanoTime() - t0) / 1e9;
        while (finishedRuns() - finishedBefore < backlog + 1) {
            Thread.sleep(200);
        }
        JsonNode position = lastRun.get("queuePosition");
        return new Backlog(backlog, startedAfter, position == null ? -1 : position.asInt(), runId);
    }

    /** The run's first tool step (nmap, after the orchestrator's own start step) has left queued. */
    private static boolean firstToolStepStarted(JsonNode run) {
        for (JsonNode step : run.get("steps")) {
            if (step.get("nodeId").asString().equals("nmap")) {
                return !step.get("status").asString().equals("queued");
            }
        }
        return false;
    }

    record Backlog(int queued, double newRunStartedAfterSeconds, int lastQueuePosition, String runId) {
    }

    String start(String workflowId) throws Exception {
        return send("POST", "/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"),
                "runMode", "demo", "authorizeTargets", false)).get("id").asString();
    }

    long finishedRuns() throws Exception {
        JsonNode byStatus = send("GET", "/metrics", null).get("runsByStatus");
        return byStatus.get("succeeded").asLong() + byStatus.get("failed").asLong();
    }

    long failedRuns() throws Exception {
        return send("GET", "/metrics", null).get("runsByStatus").get("failed").asLong();
    }

    Result run(String workflowId, int runs, int concurrency) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        onThreads(concurrency, runs, i -> timedRun(workflowId, runId -> awaitEnd(runId, POLL_MILLIS),
                "final status read", latencies, failures, new HashMap<>()));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(runs, seconds, Percentiles.of(latencies), failures.size());
    }

    /**
     * {@code runs} runs one at a time, each followed the way the Studio follows one: its event stream, from POST until
     * the stream ends after the run's final event — no polls loading the stack while it is timed.
     */
    Result runFollowingEvents(String workflowId, int runs) throws Exception {
        return runFollowingEvents(workflowId, runs, new HashMap<>());
    }

    /**
     * As {@link #runFollowingEvents(String, int)}, adding to {@code seen} each run's moments as the client saw them
     * (POST sent, POST answered, stream ended; wall-clock, like the records' timestamps) under its run id.
     */
    Result runFollowingEvents(String workflowId, int runs, Map<String, List<RunTimeline.Entry>> seen)
            throws Exception {
        List<Double> latencies = new ArrayList<>();
        int failed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            long sent = System.currentTimeMillis();
            String runId = start(workflowId);
            long answered = System.currentTimeMillis();
            EventStreamRead.Outcome stream = readEventStream(runId);
            latencies.add((System.nanoTime() - t0) / 1e6);
            seen.put(runId, List.of(RunTimeline.Entry.client(sent, "POST /api/runs sent"),
                    RunTimeline.Entry.client(answered, "POST answered"),
                    RunTimeline.Entry.client(System.currentTimeMillis(), "event stream ended")));
            if (!stream.ended() || stream.status() != 200 || !send("GET", "/runs/" + runId, null).get("status").asString()
                    .equals("succeeded")) {
                failed++;
            }
        }
        return new Result(runs, (System.nanoTime() - start) / 1e9, Percentiles.of(latencies), failed);
    }

    String awaitEnd(String runId) throws Exception {
        return awaitEnd(runId, POLL_MILLIS);
    }

    private String awaitEnd(String runId, int pollMillis) throws Exception {
        while (true) {
            String status = send("GET", "/runs/" + runId, null).get("status").asString();
            if (status.equals("succeeded") || status.equals("failed")) {
                return status;
            }
            Thread.sleep(pollMillis);
        }
    }

    JsonNode send(String method, String path, Object body) throws Exception {
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

    /** When the {@code index}th of a series paced at {@code perSecond} from {@code start} is due (nanoTime). */
    private static long dueAt(long start, int index, int perSecond) {
        return start + (long) (index * 1e9 / perSecond);
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Runs {@code tasks} tasks, task i given its index, on {@code threads} threads, and waits for all of them. */
    private static void onThreads(int threads, int tasks, IndexedTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface IndexedTask {
        void run(int index) throws Exception;
    }

    /** One run from POST to its final status; the latency and any failure are added to the lists. */
    private void timedRun(String workflowId, RunFollower follower, String endMoment, List<Double> latencies,
            List<String> failures, Map<String, List<RunTimeline.Entry>> seen) throws Exception {
        long t0 = System.nanoTime();
        long sent = System.currentTimeMillis();
        String runId = start(workflowId);
        long answered = System.currentTimeMillis();
        String status = follower.followToEnd(runId);
        latencies.add((System.nanoTime() - t0) / 1e6);
        seen.put(runId, List.of(RunTimeline.Entry.client(sent, "POST /api/runs sent"),
                RunTimeline.Entry.client(answered, "POST answered"),
                RunTimeline.Entry.client(System.currentTimeMillis(), endMoment)));
        if (!status.equals("succeeded")) {
            failures.add(tellFailure(runId, status));
        }
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
