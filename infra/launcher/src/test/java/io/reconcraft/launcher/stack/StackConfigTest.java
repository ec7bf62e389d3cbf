package io.reconcraft.launcher.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    @TempDir
    Path repo;

    @Test
    void givenNoEnvironment_whenLoadedFromSubfolder_thenRepoIsFoundAndDefaultsApply() throws Exception {
        Files.createDirectories(repo.resolve("services/audit"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Path workingDir = Files.createDirectories(repo.resolve("infra/launcher"));

        StackConfig config = StackConfig.fromEnvironment(Map.of(), workingDir);

        assertThat(config.repo()).isEqualTo(repo.toAbsolutePath().normalize());
        assertThat(config.home()).isEqualTo(repo.toAbsolutePath().normalize().resolve(".reconcraft"));
        assertThat(config.ports().gateway()).isEqualTo(8000);
        assertThat(config.ports().of(ServiceName.RUN_ORCHESTRATOR)).isEqualTo(8101);
        assertThat(config.ports().of(ServiceName.TOOL_RUNNER)).isEqualTo(8102);
        assertThat(config.ports().of(ServiceName.NOTIFIER)).isEqualTo(8103);
        assertThat(config.ports().of(ServiceName.AUDIT)).isEqualTo(8104);
        assertThat(config.ports().of(ServiceName.FINDINGS)).isEqualTo(8105);
        assertThat(config.ports().kafka()).isEqualTo(9092);
        assertThat(config.ports().kafkaController()).isEqualTo(9093);
        assertThat(config.ports().mongo()).isEqualTo(27017);
        assertThat(config.readinessTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.serviceJar(ServiceName.API_GATEWAY))
                .isEqualTo(repo.toAbsolutePath().normalize().resolve("services/api-gateway/target/api-gateway.jar"));
    }

    @Test
    void givenOverrides_whenLoaded_thenEnvironmentWins() {
        Map<String, String> env = Map.of(
                "RECONCRAFT_REPO", repo.toString(),
                "RECONCRAFT_HOME", repo.resolve("data").toString(),
                "RECONCRAFT_GATEWAY_PORT", "18000",
                "RECONCRAFT_KAFKA_PORT", "19092",
                "RECONCRAFT_MONGO_PORT", "37017",
                "RECONCRAFT_READY_TIMEOUT_SECONDS", "30");

        StackConfig config = StackConfig.fromEnvironment(env, Path.of("/"));

        assertThat(config.home()).isEqualTo(repo.resolve("data"));
        assertThat(config.ports().gateway()).isEqualTo(18000);
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(config.mongoUri()).isEqualTo("mongodb://127.0.0.1:37017");
        assertThat(config.readinessTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenInvalidPort_whenLoaded_thenMessageNamesTheVariable() {
        Map<String, String> env = Map.of("RECONCRAFT_REPO", repo.toString(), "RECONCRAFT_AUDIT_PORT", "eighty");

        assertThatThrownBy(() -> StackConfig.fromEnvironment(env, repo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RECONCRAFT_AUDIT_PORT");
    }

    @Test
    void givenFreePortsFactory_whenCreated_thenEveryPortIsDistinct() {
        Ports ports = StackConfig.withFreePorts(repo.resolve("home"), repo).ports();

        Set<Integer> all = new HashSet<>(ports.services().values());
        all.addAll(List.of(ports.kafka(), ports.kafkaController(), ports.mongo()));
        assertThat(all).hasSize(ServiceName.values().length + 3).allMatch(port -> port > 0);
    }
}
