package io.reconcraft.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A fresh local stack started through the public launcher ({@code launcher.jar up}) on free ports. */
final class StackProcess implements AutoCloseable {

    final String apiUrl;
    final String adminKey;
    final String kafkaBootstrap;
    final String mongoUri;
    final Process process;
    /** Each service's HTTP port by its name (the gateway's serves the API too). */
    final Map<String, Integer> servicePorts;
    private final Path home;

    private StackProcess(String apiUrl, String adminKey, String kafkaBootstrap, String mongoUri, Process process,
            Map<String, Integer> servicePorts, Path home) {
        this.apiUrl = apiUrl;
        this.adminKey = adminKey;
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.process = process;
        this.servicePorts = servicePorts;
        this.home = home;
    }

    /** {@code processes}: one JVM per service ({@code up --processes}), so CPU is split by service. */
    static StackProcess start(Path repo, boolean processes) throws Exception {
        Path home = Files.createTempDirectory("reconcraft-bench");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String adminKey = "rc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Map<String, String> env = new HashMap<>();
        env.put("RECONCRAFT_HOME", home.toString());
        env.put("RECONCRAFT_REPO", repo.toString());
        env.put("RECONCRAFT_ADMIN_API_KEY", adminKey);
        // one key drives all the load here: measure the pipeline, not the per-key rate limit
        env.put("RECONCRAFT_GATEWAY_RATE_LIMIT_ENABLED", "false");
        // six JVMs starting at once on two busy cores can take minutes; the benchmark measures after that
        env.put("RECONCRAFT_READY_TIMEOUT_SECONDS", "600");
        int gateway = freePort();
        int kafka = freePort();
        env.put("RECONCRAFT_GATEWAY_PORT", String.valueOf(gateway));
        env.put("RECONCRAFT_KAFKA_PORT", String.valueOf(kafka));
        env.put("RECONCRAFT_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        int mongo = freePort();
        env.put("RECONCRAFT_MONGO_PORT", String.valueOf(mongo));
        Map<String, Integer> servicePorts = new TreeMap<>(Map.of("api-gateway", gateway));
        for (String service : new String[] {"RUN_ORCHESTRATOR", "TOOL_RUNNER", "NOTIFIER", "AUDIT", "FINDINGS"}) {
            int port = freePort();
            env.put("RECONCRAFT_" + service + "_PORT", String.valueOf(port));
            servicePorts.put(service.toLowerCase(Locale.ROOT).replace('_', '-'), port);
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(LauncherOptions.split(LauncherOptions.fromEnvironment()));
        command.addAll(List.of("-jar", repo.resolve("infra/launcher/target/launcher.jar").toString(), "up"));
        if (processes) {
            command.add("--processes");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("launcher.out").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        StackProcess stack = new StackProcess("http://127.0.0.1:" + gateway + "/api", adminKey,
                "127.0.0.1:" + kafka, "mongodb://127.0.0.1:" + mongo, process, servicePorts, home);
        stack.awaitHealthy(Duration.ofMinutes(12), home);
        return stack;
    }

    private void awaitHealthy(Duration timeout, Path home) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher exited; see " + home.resolve("launcher.out"));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(apiUrl + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the stack was not healthy within " + timeout);
    }

    /** The JVM this benchmark runs on starts the stack too, so a run on another JDK measures that JDK. */
    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Ports handed out here: the system may offer a port again once its probe socket is closed. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        process.waitFor();
        // each run's stack keeps ~200 MB (its Kafka log and database): repeated runs would fill the disk
        try (var paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
