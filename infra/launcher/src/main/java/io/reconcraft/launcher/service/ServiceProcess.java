package io.reconcraft.launcher.service;

import io.reconcraft.launcher.process.ChildProcess;
import io.reconcraft.launcher.stack.AdminKey;
import io.reconcraft.launcher.stack.EventSigningKey;
import io.reconcraft.launcher.stack.ServiceName;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackException;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One packaged Spring Boot service in a child JVM, ready once its actuator health says UP. */
public final class ServiceProcess implements StackService, Supervisor.Restartable {

    private static final Duration POLL = Duration.ofMillis(500);
    static final String AUDIT_API_TOKEN = "RECONCRAFT_AUDIT_API_TOKEN";
    static final String AUDIT_CHAIN_KEY = "RECONCRAFT_AUDIT_CHAIN_KEY";

    private final ServiceName service;
    private final StackConfig config;
    private final String adminKey;
    private final HttpClient http;
    private volatile ChildProcess process;
    private volatile Supervisor supervisor;
    private volatile boolean closed;

    public ServiceProcess(ServiceName service, StackConfig config, String adminKey, HttpClient http) {
        this.service = service;
        this.config = config;
        this.adminKey = adminKey;
        this.http = http;
    }

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

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(config.ports().of(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        env.put("MONGODB_URI", config.mongoUri());
        env.put(EventSigningKey.VARIABLE, EventSigningKey.resolve(System.getenv(), config.home()));
        // Boot's Mongo health indicator reports DOWN against mongo-java-server, which would block readiness
        env.put("MANAGEMENT_HEALTH_MONGODB_ENABLED", "false");
        // local stack: nothing but this machine can reach a service (the gateway is the only door, and on loopback too)
        env.put("SERVER_ADDRESS", "127.0.0.1");
        if (service == ServiceName.AUDIT || service == ServiceName.API_GATEWAY) {
            // the gateway's credential for the audit service (issue 11, item 8)
            env.put(AUDIT_API_TOKEN, AdminKey.resolveSecret(System.getenv(), config.home(), AUDIT_API_TOKEN, "audit-api-token"));
        }
        if (service == ServiceName.AUDIT) {
            // the audit chain's HMAC key: outside the database, kept in the data folder like the admin key
            env.put(AUDIT_CHAIN_KEY, AdminKey.resolveSecret(System.getenv(), config.home(), AUDIT_CHAIN_KEY, "audit-chain-key"));
        }
        if (service == ServiceName.API_GATEWAY) {
            env.put(AdminKey.VARIABLE, adminKey);
            // the gateway answers admins' audit queries from the audit service, wherever its port is
            env.put("RECONCRAFT_GATEWAY_AUDIT_URL", "http://127.0.0.1:" + config.ports().of(ServiceName.AUDIT));
            // and findings, diffs and reports from the findings service
            env.put("RECONCRAFT_GATEWAY_FINDINGS_URL", "http://127.0.0.1:" + config.ports().of(ServiceName.FINDINGS));
        }
        return env;
    }

    private List<String> command() {
        return List.of(ChildProcess.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", config.serviceJar(service).toString(),
                // a member that died is dropped from its group after 10 s instead of 45 s, so its partitions
                // move to the restarted instance (and health sees the gap) sooner
                "--spring.kafka.consumer.properties[session.timeout.ms]=10000",
                "--spring.kafka.consumer.properties[heartbeat.interval.ms]=3000");
    }

    private StackException failure(String what, ChildProcess running) {
        return new StackException(service.id() + " " + what + "; last lines of " + running.logFile() + ":\n"
                + running.lastLogLines(30));
    }
}
