package io.reconcraft.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** One packaged service (services/&lt;module&gt;/target/&lt;module&gt;.jar) started as its own process on loopback. */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ServiceJar implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final java.util.regex.Pattern STARTED_ON = java.util.regex.Pattern.compile("Netty started on port (\\d+)");

    final String module;
    private volatile int port;
    private final Process process;
    final Path log;

    /** Started on a port the service picks itself (0), read from its log: no race for a port chosen beforehand. */
    static ServiceJar start(String module, Map<String, String> environment, Path logs) {
        Path jar = Repo.path("services/" + module + "/target/" + module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn package)");
        }
        try {
            Path log = logs.resolve(module + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", "0");
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            return new ServiceJar(module, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port, once the log says the web server started; 0 before. */
    int port() {
        if (port == 0 && Files.exists(log)) {
            try {
                java.util.regex.Matcher matcher = STARTED_ON.matcher(Files.readString(log));
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                }
            } catch (IOException e) {
                return 0;
            }
        }
        return port;
    }

    boolean healthy() {
        if (port() == 0) {
            return false;
        }
        return get("/actuator/health").filter(body -> body.contains("\"UP\"")).isPresent();
    }

    java.util.Optional<String> get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? java.util.Optional.of(response.body()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
