package io.reconcraft.launcher.kafka;

import io.reconcraft.launcher.stack.StackConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** server.properties of the single-node KRaft broker (broker and controller in one process). */
final class BrokerProperties {

    private BrokerProperties() {
    }

    static Map<String, String> of(StackConfig config) {
        int port = config.ports().kafka();
        int controllerPort = config.ports().kafkaController();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir(config).toString());
        props.put("num.partitions", "6");
        props.put("auto.create.topics.enable", "true");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(requestThreads(Runtime.getRuntime().availableProcessors()));
        // a controlled shutdown hands partition leadership to other brokers; with one broker there is none, and
        // waiting for the controller's answer (a heartbeat, about 2 s) was most of Kafka's stop time. The logs are
        // still flushed and closed cleanly.
        props.put("controlled.shutdown.enable", "false");
        // a laptop stack: keep the disk use bounded
        props.put("log.retention.hours", "168");
        props.put("log.retention.bytes", String.valueOf(512L * 1024 * 1024));
        return props;
    }

    /**
     * Kafka's defaults, 8 request handlers and 3 network threads, are for a broker with a machine of its own; here
     * it shares a laptop's cores with the whole stack, and every request that wakes one of many idle threads costs a
     * context switch. So the handlers are at most one per core and the network threads one per two cores, up to the
     * defaults (two cores: 2 and 1, and the broker's threads switch 30 times per demo run instead of 44,
     * bench/RESULTS.md 2026-12-05, eighth session).
     */
    static Map<String, String> requestThreads(int cores) {
        return Map.of("num.io.threads", String.valueOf(Math.max(2, Math.min(cores, 8))),
                "num.network.threads", String.valueOf(Math.max(1, Math.min(cores / 2, 3))));
    }

    static Path logDir(StackConfig config) {
        return config.kafkaHome().resolve("data");
    }

    static Path write(StackConfig config) throws IOException {
        Path file = config.kafkaHome().resolve("server.properties");
        Files.createDirectories(file.getParent());
        String text = of(config).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "# written by the ReconCraft launcher on every start\n", "\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
