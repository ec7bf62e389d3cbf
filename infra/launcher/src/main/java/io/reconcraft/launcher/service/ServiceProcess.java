package io.reconcraft.launcher.service;

import io.reconcraft.launcher.process.ChildProcess;
import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackException;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

/** One packaged Spring Boot service in a child JVM, ready once its actuator health says UP. */
@RequiredArgsConstructor
public final class ServiceProcess implements StackService, Supervisor.Restartable {

    private static final Duration POLL = Duration.ofMillis(500);
    static final String SETTINGS_VARIABLE = "SPRING_APPLICATION_JSON";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceName service;
    private final StackConfig config;
    private final String adminKey;
    private final HttpClient http;
    private volatile ChildProcess process;
    private volatile Supervisor supervisor;
    private volatile boolean closed;

    @Override
    public ServiceName service() {
        return service;
    }

    @Override
    public String name() {
        return service.id();
    }

    /** From now on, an exit nobody asked for is reported to {@code supervisor}, which may start it again. */
    public void superviseWith(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            return;
        }
        if (!Files.isRegularFile(config.serviceJar(service))) {
            throw new StackException("missing " + config.serviceJar(service) + " (build with: mvn -B -DskipTests package)");
        }
        ChildProcess started = ChildProcess.start(service.id(), command(), environment(), config.repo(),
                config.logFile(service.id()));
        process = started;
        started.onExit().thenAccept(code -> {
            Supervisor watching = supervisor;
            if (watching != null && !closed && !started.isStopping()) {
                watching.exited(this, code, started.logFile().toString());
            }
        });
    }

    /** Polls the health endpoint; fails fast if the process exits, and with the log tail on timeout. */
    @Override
    public void awaitHealthy() {
        ChildProcess running = process;
        if (running == null) {
            throw new IllegalStateException(service.id() + " was not started");
        }
        HealthCheck health = HealthCheck.actuator(http, config.ports().of(service));
        long deadline = System.nanoTime() + config.readinessTimeout().toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (health.isUp()) {
                    return;
                }
                if (!running.isAlive()) {
                    throw failure("exited with code " + running.awaitExit(Duration.ofSeconds(1)), running);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + service.id(), e);
        }
        throw failure("was not healthy at " + health.uri() + " within "
                + config.readinessTimeout().toSeconds() + " s", running);
    }

    /** Kills the service with SIGKILL, as a crash would; {@link #start()} brings it back. */
    public void crash() {
        ChildProcess running = process;
        if (running != null) {
            running.kill();
        }
    }

    public Optional<ChildProcess> process() {
        return Optional.ofNullable(process);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        ChildProcess running = process;
        if (running != null) {
            running.close();
        }
    }

    /**
     * The child's environment: the same settings an in-process service gets ({@link ServiceSettings}), as
     * {@code SPRING_APPLICATION_JSON} — above the services' application.yml, and, unlike command-line arguments,
     * not readable by other users from the process list (the settings hold the stack's secrets).
     */
    Map<String, String> environment() {
        return Map.of(SETTINGS_VARIABLE, JSON.writeValueAsString(ServiceSettings.properties(service, config, adminKey)));
    }

    private List<String> command() {
        return List.of(ChildProcess.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", config.serviceJar(service).toString());
    }

    private StackException failure(String what, ChildProcess running) {
        return new StackException(service.id() + " " + what + "; last lines of " + running.logFile() + ":\n"
                + running.lastLogLines(30));
    }
}
