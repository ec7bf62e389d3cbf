package io.reconcraft.toolrunner.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.DockerEngine;
import io.reconcraft.toolrunner.sandbox.SandboxInvocation;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.Sandboxes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures for services/tool-runner/BENCHMARK.md; excluded from the normal build. Run with
 * {@code mvn -o -pl services/tool-runner verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=SandboxBenchmarkIT -Dexcluded.groups=none}.
 */
@Tag("benchmark")
class SandboxBenchmarkIT {

    private static final int ROUNDS = 15;
    private static DockerEngine engine;
    private static ContainerSandbox sandbox;

    @BeforeAll
    static void engine() {
        engine = Sandboxes.requireEngine();
        SandboxProperties properties = Sandboxes.properties(Sandboxes.dockerHost());
        sandbox = new ContainerSandbox(engine, properties, Sandboxes.labels("benchmark"));
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            Sandboxes.close(engine);
        }
    }

    @Test
    void sandboxOverheadAgainstBarePodmanRun() throws Exception {
        List<Long> sandboxed = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            sandboxed.add(timed(() -> sandbox.run(invocation(Sandboxes.TESTBOX_IMAGE, List.of("true"), "none"), line -> { })));
            bare.add(timed(() -> process("podman", "--url", Sandboxes.dockerHost(), "run", "--rm", "--network",
                    "none", Sandboxes.TESTBOX_IMAGE, "true")));
        }
        // the bare run goes to the same podman service, so both use the same engine and its configuration
        report("testbox `true`: sandbox create→start→wait→remove", sandboxed, "bare `podman --url … run --rm`", bare);
    }

    @Test
    void nmapInTheSandboxAgainstBareNmap() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<String> nmap = List.of("-sT", "-Pn", "-n", "-p", String.valueOf(service.getLocalPort()), "-oX", "-",
                    "127.0.0.1");
            List<Long> sandboxed = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                sandboxed.add(timed(() -> assertThat(sandbox.run(invocation(Sandboxes.NMAP_IMAGE, nmap, "host"), line -> { })
                        .exitCode()).isZero()));
                List<String> command = new ArrayList<>(List.of("nmap"));
                command.addAll(nmap);
                bare.add(timed(() -> process(command.toArray(String[]::new))));
            }
            report("nmap -sT one loopback port: in the sandbox", sandboxed, "bare nmap on the host", bare);
        }
    }

    private static SandboxInvocation invocation(String image, List<String> arguments, String network) {
        return new SandboxInvocation("benchmark", image, arguments, network, false, Duration.ofMinutes(1),
                "benchmark", "benchmark:" + UUID.randomUUID());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long timed(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void process(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    private static void report(String name, List<Long> measured, String baselineName, List<Long> baseline) {
        System.out.printf("BENCHMARK | %s | median %d ms (min %d, max %d) | %s | median %d ms (min %d, max %d) | %d rounds%n",
                name, median(measured), Collections.min(measured), Collections.max(measured), baselineName,
                median(baseline), Collections.min(baseline), Collections.max(baseline), measured.size());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
