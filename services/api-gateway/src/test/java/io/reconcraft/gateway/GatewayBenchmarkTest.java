package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Figures for BENCHMARK.md, not assertions: the PACKAGED gateway (target/api-gateway.jar, a second process, so
 * its memory is its own) on a real in-process Kafka broker and a MongoDB-wire server, all on loopback.
 * 1) SSE fan-out: 1,000 and 10,000 clients on one run's stream; events are published to Kafka, and latency is
 * publish-to-client (the same clock: both ends are in this JVM). 2) GET /api/runs/{id} under wrk, if installed.
 * Run: see BENCHMARK.md.
 */
@Tag("benchmark")
class GatewayBenchmarkTest {

    private static final String SIGNING_KEY = "gateway-benchmark-event-signing-key-0123456789";

    private static final String KEY = "rc_benchmark-admin-key-0123456789abcdefghij";
    private static final int EVENTS = 20;
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    // Written out here: GatewayTestSupport's helpers would start that class's own broker and database too.
    private static final Map<String, Object> WORKFLOW = Map.of("name", "Benchmark", "nodes", List.of(
            Map.of("id", "start", "kind", "start", "label", "Start", "category", "utilities", "config", Map.of(),
                    "position", Map.of("x", 0, "y", 0)),
            Map.of("id", "scan", "kind", "nmap", "label", "Port scan", "category", "recon",
                    "config", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV"),
                    "position", Map.of("x", 200, "y", 0))),
            "edges", List.of(Map.of("id", "e1", "source", "start", "target", "scan")));

    private static org.springframework.kafka.test.EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static Process gateway;
    private static int port;
    private static KafkaProducer<String, byte[]> producer;
    private static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        Path jar = Path.of("target/api-gateway.jar");
        assertThat(jar).as("package the gateway first: mvn -o -pl services/api-gateway package -DskipTests").exists();
        kafka = new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 6);
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toString())
                .redirectOutput(Path.of("target/benchmark-gateway.log").toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SERVER_PORT", String.valueOf(port),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString(),
                "MONGODB_URI", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
                "RECONCRAFT_ADMIN_API_KEY", KEY,
                "RECONCRAFT_GATEWAY_RATE_LIMIT_ENABLED", "false",
                "RECONCRAFT_GATEWAY_JWT_SECRET", "benchmark-secret-that-is-long-enough-for-hs256",
                "RECONCRAFT_EVENT_SIGNING_KEY", SIGNING_KEY));
        gateway = builder.start();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                client.get().uri("/actuator/health").retrieve().bodyToMono(String.class).block().contains("UP"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        report.add("# gateway benchmark " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("java.version"));
    }

    @AfterAll
    static void stopStack() throws IOException {
        Files.write(Path.of("target/benchmark-results.txt"), report, StandardCharsets.UTF_8);
        report.forEach(System.out::println);
        if (producer != null) {
            producer.close();
        }
        if (gateway != null) {
            gateway.destroy();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void sseFanOut() throws Exception {
        String runId = newRun();
        report.add(String.format("idle gateway: rss %d MiB, heap after GC %d MiB", rssMiB(), heapAfterGcMiB()));
        for (int clients : new int[] {1000, 10_000}) {
            fanOut(runId, clients);
        }
    }

    @Test
    void runReadThroughputWithWrk() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")),
                "wrk is not installed (apt-get install -y wrk)");
        String runId = newRun();
        String url = "http://127.0.0.1:" + port + "/api/runs/" + runId;
        for (int connections : new int[] {50, 200}) {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d15s", "--latency",
                    "-H", "X-API-Key: " + KEY, url).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            report.add("wrk -t2 -c" + connections + " -d15s GET /api/runs/{id}:\n" + output);
        }
        report.add(String.format("after wrk: rss %d MiB", rssMiB()));
    }

    private void fanOut(String runId, int clients) throws Exception {
        ConnectionProvider pool = ConnectionProvider.builder("sse-" + clients).maxConnections(clients)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofMinutes(2)).build();
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))).build();
        long[] latencies = new long[clients * EVENTS];
        AtomicLong delivered = new AtomicLong();
        AtomicLongArray lastReceived = new AtomicLongArray(1);
        AtomicLong warmups = new AtomicLong();
        String marker = "bench-" + clients + "-";
        List<Disposable> subscriptions = new ArrayList<>();
        long lastSeq = currentSeq(runId);
        for (int i = 0; i < clients; i++) {
            subscriptions.add(client.get().uri("/api/runs/" + runId + "/events")
                    .header("X-API-Key", KEY).header("Last-Event-ID", String.valueOf(lastSeq))
                    .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(SSE)
                    .filter(event -> event.data() != null && event.data().contains(marker))
                    .subscribe(event -> {
                        long now = System.nanoTime();
                        String data = event.data();
                        if (data.contains(marker + "warmup")) {
                            warmups.incrementAndGet();
                            return;
                        }
                        long sent = Long.parseLong(data.substring(data.indexOf(marker) + marker.length(),
                                data.indexOf('"', data.indexOf(marker))));
                        int slot = (int) delivered.getAndIncrement();
                        if (slot < latencies.length) {
                            latencies[slot] = now - sent;
                        }
                        lastReceived.set(0, now);
                    }));
        }
        // Everyone is listening once everyone has the warm-up event (resent until then: late subscribers replay it).
        publish(runId, marker + "warmup");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> warmups.get() >= clients);
        long rss = rssMiB();
        long heap = heapAfterGcMiB();
        long start = System.nanoTime();
        for (int e = 0; e < EVENTS; e++) {
            publish(runId, marker + System.nanoTime());
            Thread.sleep(50);
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> delivered.get() >= (long) clients * EVENTS);
        double seconds = (lastReceived.get(0) - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, (int) Math.min(delivered.get(), latencies.length));
        Arrays.sort(sorted);
        report.add(String.format("SSE fan-out %,d clients x %d events (one every 50 ms): %,d deliveries in %.2f s = "
                        + "%,.0f events/s; publish-to-client latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "gateway with clients connected: rss %d MiB, heap after GC %d MiB",
                clients, EVENTS, delivered.get(), seconds, delivered.get() / seconds, ms(sorted, 0.50),
                ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, rss, heap));
        subscriptions.forEach(Disposable::dispose);
        pool.disposeLater().block(Duration.ofSeconds(30));
    }

    private static void publish(String runId, String line) throws Exception {
        EventEnvelope event = EventEnvelope.of(runId, new StepLog(runId + ":scan", "scan", 1, List.of(line)));
        byte[] value = EventCodec.write(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RUN_EVENTS, runId, value);
        record.headers().add(io.reconcraft.events.EventSignature.HEADER,
                io.reconcraft.events.EventSignature.of(SIGNING_KEY).sign(Topics.RUN_EVENTS, value));
        producer.send(record).get();
    }

    private static long currentSeq(String runId) {
        List<ServerSentEvent<String>> seen = WebClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/runs/" + runId + "/events").header("X-API-Key", KEY).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE).filter(e -> e.id() != null)
                .take(Duration.ofSeconds(2)).collectList().block();
        return seen.isEmpty() ? 0 : Long.parseLong(seen.get(seen.size() - 1).id());
    }

    private static String newRun() {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        Map<?, ?> workflow = client.post().uri("/api/workflows").header("X-API-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(WORKFLOW)
                .retrieve().bodyToMono(Map.class).block();
        Map<?, ?> run = client.post().uri("/api/runs").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("workflowId", workflow.get("id"), "targets", List.of("127.0.0.1"), "runMode", "demo"))
                .retrieve().bodyToMono(Map.class).block();
        return run.get("id").toString();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    private static long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + gateway.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long heapAfterGcMiB() throws Exception {
        Process gc = new ProcessBuilder("jcmd", String.valueOf(gateway.pid()), "GC.run").redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        gc.waitFor();
        Process heap = new ProcessBuilder("jcmd", String.valueOf(gateway.pid()), "GC.heap_info")
                .redirectErrorStream(true).start();
        String info = new String(heap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        heap.waitFor();
        // "garbage-first heap   total 262144K, used 51234K"
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
