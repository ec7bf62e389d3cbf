package io.reconcraft.launcher.stack;

import io.reconcraft.launcher.kafka.KafkaBroker;
import io.reconcraft.launcher.mongo.MongoServer;
import io.reconcraft.launcher.process.ChildProcess;
import io.reconcraft.launcher.process.TcpPort;
import io.reconcraft.launcher.service.RestartPolicy;
import io.reconcraft.launcher.service.ServiceProcess;
import io.reconcraft.launcher.service.ServiceSettings;
import io.reconcraft.launcher.service.StackService;
import io.reconcraft.launcher.standalone.InProcessService;
import io.reconcraft.launcher.standalone.ServiceClassLoaders;
import io.reconcraft.launcher.service.Supervisor;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Kafka, MongoDB and the five services on loopback; stopped in reverse order, children first. */
public final class LocalStack implements AutoCloseable {

    private final StackConfig config;
    private final PrintStream out;
    private final KafkaBroker kafka;
    private final MongoServer mongo;
    private final List<StackService> services = new ArrayList<>();
    private final StackPidFile pidFile;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Supervisor supervisor;
    private final ServiceClassLoaders classLoaders;

    /** How the services are hosted. */
    public enum Mode {
        /**
         * Each service as its own Spring context in the launcher's JVM, and the Kafka broker too (each in a class
         * loader of its own): the default, light and quick to start.
         */
        SINGLE_JVM,
        /** One JVM per service, supervised: what crash-safety tests need (a service can be killed alone). */
        PROCESSES
    }

    private final Mode mode;

    public LocalStack(StackConfig config, String adminKey, PrintStream out) {
        this(config, adminKey, out, Mode.PROCESSES, RestartPolicy.DEFAULT);
    }

    public LocalStack(StackConfig config, String adminKey, PrintStream out, RestartPolicy restarts) {
        this(config, adminKey, out, Mode.PROCESSES, restarts);
    }

    public LocalStack(StackConfig config, String adminKey, PrintStream out, Mode mode) {
        this(config, adminKey, out, mode, RestartPolicy.DEFAULT);
    }

    public LocalStack(StackConfig config, String adminKey, PrintStream out, Mode mode, RestartPolicy restarts) {
        this.mode = mode;
        this.config = config;
        this.out = out;
        this.supervisor = new Supervisor(restarts, out, Clock.systemUTC());
        this.kafka = new KafkaBroker(config, mode == Mode.SINGLE_JVM);
        this.mongo = new MongoServer(config.mongoFile(), config.ports().mongo());
        this.pidFile = new StackPidFile(config.home());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.classLoaders = new ServiceClassLoaders(config);
        for (ServiceName service : ServiceName.values()) {
            services.add(mode == Mode.PROCESSES
                    ? new ServiceProcess(service, config, adminKey, http)
                    : new InProcessService(service, config, ServiceSettings.properties(service, config, adminKey), http,
                            classLoaders));
        }
    }

    public StackConfig config() {
        return config;
    }

    public void start() {
        checkJarsPresent();
        checkPortsFree();
        try {
            Files.createDirectories(config.logs());
            pidFile.writeCurrent();
        } catch (IOException e) {
            throw new StackException("cannot write to " + config.home() + ": " + e.getMessage(), e);
        }
        out.println("Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
                + (mode == Mode.PROCESSES ? ", for every service too" : ""));
        out.println("starting MongoDB (embedded) on 127.0.0.1:" + config.ports().mongo());
        mongo.start();
        out.println("starting Kafka on " + config.kafkaBootstrap());
        kafka.start();
        kafka.process().ifPresent(this::reportUnexpectedExit);
        out.println("starting services" + (mode == Mode.SINGLE_JVM ? " in this JVM" : "") + ": "
                + String.join(", ", services.stream().map(s -> s.service().id()).toList()));
        services.forEach(StackService::start);
        awaitServicesHealthy();
        // only a service that was up once is restarted: one that cannot start at all fails the start above
        processes().forEach(service -> service.superviseWith(supervisor));
    }

    /** The running process of one service, e.g. for a test to kill it from outside as a crash would. */
    public java.util.Optional<ProcessHandle> processOf(ServiceName name) {
        return service(name).process().map(ChildProcess::handle);
    }

    /** Kills one service with SIGKILL, as a crash would (for tests of crash safety). */
    public void crash(ServiceName name) {
        service(name).crash();
    }

    /** Starts one service again after {@link #crash} and waits until it is healthy. */
    public void restart(ServiceName name) {
        ServiceProcess service = service(name);
        service.start();
        service.awaitHealthy();
    }

    public Mode mode() {
        return mode;
    }

    private ServiceProcess service(ServiceName name) {
        return processes().filter(s -> s.service() == name).findFirst().orElseThrow(() ->
                new UnsupportedOperationException("a single service can be killed or restarted only with "
                        + Mode.PROCESSES + " (./reconcraft up --processes)"));
    }

    private java.util.stream.Stream<ServiceProcess> processes() {
        return services.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast);
    }

    /** Idempotent; safe from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        supervisor.close();
        // services first so they do not log a storm of connection errors while Kafka and Mongo go away
        long start = System.nanoTime();
        Parallel.runAll(services.stream().<Runnable>map(service -> service::close).toList());
        classLoaders.close();
        long servicesStopped = System.nanoTime();
        kafka.close();
        long kafkaStopped = System.nanoTime();
        mongo.close();
        pidFile.deleteIfOwned();
        long end = System.nanoTime();
        // where a slow stop goes, so that it can be measured and fixed (issue 14: stop within 5 s)
        out.printf(java.util.Locale.ROOT, "stopped in %.1f s (services %.1f s, Kafka %.1f s, MongoDB %.1f s)%n",
                seconds(end - start), seconds(servicesStopped - start), seconds(kafkaStopped - servicesStopped),
                seconds(end - kafkaStopped));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void awaitServicesHealthy() {
        List<RuntimeException> outcomes =
                Parallel.runAll(services.stream().<Runnable>map(service -> service::awaitHealthy).toList());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceName name = services.get(i).service();
            if (outcomes.get(i) == null) {
                out.println("  " + name.id() + " is up on port " + config.ports().of(name));
            } else {
                failures.add(outcomes.get(i).getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new StackException(String.join(System.lineSeparator() + System.lineSeparator(), failures));
        }
    }

    private void reportUnexpectedExit(ChildProcess process) {
        process.handle().onExit().thenRun(() -> {
            if (!closed.get() && !process.isStopping()) {
                System.err.println("warning: " + process.name() + " exited unexpectedly; see " + process.logFile());
            }
        });
    }

    private void checkJarsPresent() {
        List<String> missing = new ArrayList<>();
        for (ServiceName service : ServiceName.values()) {
            if (!Files.isRegularFile(config.serviceJar(service))) {
                missing.add(config.serviceJar(service).toString());
            }
        }
        if (!Files.isDirectory(config.brokerLib())) {
            missing.add(config.brokerLib() + "/");
        }
        if (!missing.isEmpty()) {
            throw new StackException("not built yet (run ./reconcraft, or mvn -B -DskipTests package):\n  "
                    + String.join("\n  ", missing));
        }
    }

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("MongoDB (" + Ports.MONGO_PORT + ")", config.ports().mongo());
        ports.put("Kafka (" + Ports.KAFKA_PORT + ")", config.ports().kafka());
        ports.put("Kafka controller (" + Ports.KAFKA_CONTROLLER_PORT + ")", config.ports().kafkaController());
        for (ServiceName service : ServiceName.values()) {
            ports.put(service.id() + " (" + service.portVariable() + ")", config.ports().of(service));
        }
        List<String> busy = ports.entrySet().stream()
                .filter(entry -> !TcpPort.isFree(entry.getValue()))
                .map(entry -> "port " + entry.getValue() + " for " + entry.getKey())
                .toList();
        if (!busy.isEmpty()) {
            throw new StackException("already in use — is another stack running? Stop it or override the port:\n  "
                    + String.join("\n  ", busy));
        }
    }
}
