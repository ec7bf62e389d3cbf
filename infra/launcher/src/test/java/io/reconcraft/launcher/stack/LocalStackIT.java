package io.reconcraft.launcher.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole stack with the real Kafka broker and Mongo, but a JDK-only fake in place of each service jar. */
class LocalStackIT {

    @TempDir
    Path temp;
    private Path repo;
    private Path home;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void fakeRepository() throws IOException {
        Path realRepo = StackConfig.findRepo(Path.of("").toAbsolutePath()).orElseThrow();
        repo = Files.createDirectories(temp.resolve("repo"));
        home = temp.resolve("home");
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("infra"));
        Files.createSymbolicLink(repo.resolve("infra/kafka-broker"), realRepo.resolve("infra/kafka-broker"));
        for (ServiceName service : ServiceName.values()) {
            Path target = Files.createDirectories(repo.resolve("services").resolve(service.id()).resolve("target"));
            writeFakeServiceJar(target.resolve(service.id() + ".jar"));
        }
    }

    @Test
    void givenBuiltRepository_whenStartedAndClosed_thenEverythingRunsWithItsSettingsAndNothingIsLeft() throws Exception {
        StackConfig config = StackConfig.withFreePorts(home, repo);
        List<ProcessHandle> processes = new ArrayList<>();
        try (LocalStack stack = new LocalStack(config, "rc_it_key", new PrintStream(printed, true))) {
            stack.start();

            for (ServiceName service : ServiceName.values()) {
                assertThat(get(config.ports().of(service), "/actuator/health")).contains("UP");
            }
            String gatewayEnv = get(config.ports().gateway(), "/env");
            assertThat(gatewayEnv).contains("spring.kafka.bootstrap-servers=127.0.0.1:" + config.ports().kafka(),
                    "spring.mongodb.uri=mongodb://127.0.0.1:" + config.ports().mongo(),
                    "reconcraft.gateway.admin-api-key=rc_it_key",
                    "reconcraft.gateway.audit-url=http://127.0.0.1:" + config.ports().of(ServiceName.AUDIT));
            assertThat(get(config.ports().of(ServiceName.AUDIT), "/env")).contains("reconcraft.gateway.admin-api-key=null");
            assertThat(new StackPidFile(home).liveOwner()).map(ProcessHandle::pid)
                    .contains(ProcessHandle.current().pid());
            ProcessHandle.current().children().forEach(child -> {
                processes.add(child);
                processes.addAll(child.descendants().toList());
            });
            assertThat(processes).hasSizeGreaterThanOrEqualTo(6);
            assertThat(config.logFile("api-gateway")).content().contains("fake service listening");
        }

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(home.resolve("stack.pid")).doesNotExist();
    }

    @Test
    void givenServiceThatExits_whenStarted_thenFailureCarriesItsLogTail() throws Exception {
        Files.writeString(repo.resolve("fail"), "");
        StackConfig config = StackConfig.withFreePorts(home, repo).withReadinessTimeout(Duration.ofSeconds(60));

        try (LocalStack stack = new LocalStack(config, "rc_it_key", new PrintStream(printed, true))) {
            assertThatThrownBy(stack::start)
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("api-gateway exited with code 3")
                    .hasMessageContaining("boom: refusing to start");
        }
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void writeFakeServiceJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classBytes = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(out);
            out.closeEntry();
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
