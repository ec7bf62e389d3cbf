package io.reconcraft.launcher.kafka;

import io.reconcraft.launcher.process.ChildProcess;
import io.reconcraft.launcher.process.TcpPort;
import io.reconcraft.launcher.stack.StackConfig;
import io.reconcraft.launcher.stack.StackException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real single-node KRaft broker in a child JVM, built from infra/kafka-broker/target/lib. */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(90);

    private final StackConfig config;
    private final boolean inThisJvm;
    private volatile ChildProcess process;
    private volatile InProcessKafka inProcess;

    public KafkaBroker(StackConfig config) {
        this(config, false);
    }

    /** @param inThisJvm run the broker in the launcher's JVM (its own class loader) instead of a child JVM */
    public KafkaBroker(StackConfig config, boolean inThisJvm) {
        this.config = config;
        this.inThisJvm = inThisJvm;
    }

    /** Formats storage on first use, starts the broker and waits until its client port accepts connections. */
    public void start() {
        if (!Files.isDirectory(config.brokerLib())) {
            throw new StackException("Kafka broker classpath missing: " + config.brokerLib()
                    + " (build it with: mvn -B -q -DskipTests -pl infra/kafka-broker package)");
        }
        try {
            Path properties = BrokerProperties.write(config);
            formatStorageOnce(properties);
            if (inThisJvm) {
                inProcess = new InProcessKafka(config);
                inProcess.start(properties);
                return;
            }
            process = ChildProcess.start("kafka", command("kafka.Kafka", properties.toString()), Map.of(),
                    config.repo(), config.logFile("kafka"));
            ChildProcess broker = process;
            if (!TcpPort.awaitOpen(config.ports().kafka(), config.readinessTimeout(), broker::isAlive)) {
                throw new StackException("Kafka did not open port " + config.ports().kafka() + " within "
                        + config.readinessTimeout().toSeconds() + " s (" + (broker.isAlive() ? "still running" : "exited")
                        + "); last lines of " + broker.logFile() + ":\n" + broker.lastLogLines(30));
            }
        } catch (IOException e) {
            throw new StackException("cannot prepare Kafka in " + config.kafkaHome() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting Kafka", e);
        }
    }

    public Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(ChildProcess::handle);
    }

    public Optional<ChildProcess> process() {
        return Optional.ofNullable(process);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        InProcessKafka broker = inProcess;
        if (broker != null) {
            broker.close();
        }
        ChildProcess running = process;
        if (running != null) {
            running.close();
        }
    }

    private void formatStorageOnce(Path properties) throws IOException, InterruptedException {
        Path logDir = BrokerProperties.logDir(config);
        if (Files.isRegularFile(logDir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = ClusterId.loadOrCreate(config.kafkaHome().resolve("cluster-id"));
        try (ChildProcess format = ChildProcess.start("kafka-storage-format",
                command("kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "-t", clusterId, "-c", properties.toString()),
                Map.of(), config.repo(), config.logFile("kafka-storage-format"))) {
            int exit = format.awaitExit(FORMAT_TIMEOUT);
            if (exit != 0) {
                throw new StackException("formatting Kafka storage failed (exit " + exit + "); last lines of "
                        + format.logFile() + ":\n" + format.lastLogLines(30));
            }
        }
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.javaExecutable(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + config.brokerLog4jConfig(),
                "-cp", config.brokerLib().resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
