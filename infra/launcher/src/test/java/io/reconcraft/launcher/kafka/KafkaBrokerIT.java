package io.reconcraft.launcher.kafka;

import io.reconcraft.launcher.process.TcpPort;
import io.reconcraft.launcher.stack.StackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starts the real broker from infra/kafka-broker/target/lib (built earlier in the reactor). */
class KafkaBrokerIT {

    @TempDir
    Path home;

    @Test
    void givenFreshHome_whenStartedAndClosed_thenPortOpensAndNoProcessIsLeftBehind() throws Exception {
        StackConfig config = config();
        List<ProcessHandle> tree;
        try (KafkaBroker broker = new KafkaBroker(config)) {
            broker.start();

            assertThat(TcpPort.acceptsConnections(config.ports().kafka())).isTrue();
            assertThat(broker.isAlive()).isTrue();
            ProcessHandle process = broker.processHandle().orElseThrow();
            tree = new java.util.ArrayList<>(process.descendants().toList());
            tree.add(process);
            assertThat(Files.readString(config.kafkaHome().resolve("server.properties")))
                    .contains("process.roles=broker,controller", "num.partitions=6");
            assertThat(config.kafkaHome().resolve("data/meta.properties")).exists();
        }

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        await().atMost(Duration.ofSeconds(10)).until(() -> TcpPort.isFree(config.ports().kafka()));
    }

    @Test
    void givenFormattedHome_whenStartedAgain_thenClusterIdIsKeptAndBrokerComesUp() throws Exception {
        StackConfig config = config();
        try (KafkaBroker broker = new KafkaBroker(config)) {
            broker.start();
        }
        String clusterId = Files.readString(config.kafkaHome().resolve("cluster-id")).trim();

        StackConfig restarted = config();
        try (KafkaBroker broker = new KafkaBroker(restarted)) {
            broker.start();

            assertThat(TcpPort.acceptsConnections(restarted.ports().kafka())).isTrue();
            assertThat(Files.readString(restarted.kafkaHome().resolve("cluster-id")).trim()).isEqualTo(clusterId);
            assertThat(Files.readString(restarted.kafkaHome().resolve("data/meta.properties"))).contains(clusterId);
        }
    }

    @Test
    void givenClosedBroker_whenClosedAgain_thenNothingHappens() {
        KafkaBroker broker = new KafkaBroker(config());

        broker.close();
        broker.close();

        assertThat(broker.isAlive()).isFalse();
    }

    private StackConfig config() {
        Path repo = StackConfig.findRepo(Path.of("").toAbsolutePath()).orElseThrow();
        return StackConfig.withFreePorts(home, repo).withReadinessTimeout(Duration.ofSeconds(90));
    }
}
