package io.reconcraft.toolrunner.execution.live.nmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.AuthorizedScope;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.sandbox.ContainerSandbox;
import io.reconcraft.toolrunner.sandbox.DockerEngine;
import io.reconcraft.toolrunner.sandbox.SandboxProperties;
import io.reconcraft.toolrunner.sandbox.Sandboxes;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real nmap in a real container (host network) against services this test starts on 127.0.0.1. */
class LiveNmapIT {

    private static DockerEngine engine;
    private static LiveNmapExecutor nmap;

    @BeforeAll
    static void engine() {
        engine = Sandboxes.requireEngine();
        SandboxProperties properties = Sandboxes.properties(Sandboxes.dockerHost());
        nmap = new LiveNmapExecutor(new ContainerSandbox(engine, properties, Sandboxes.labels("nmap-it")), properties);
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            Sandboxes.close(engine);
        }
    }

    private static StepRequested liveStep(Map<String, Object> config, int timeoutSeconds) {
        return new StepRequested("run-nmap-it:" + UUID.randomUUID(), "nmap-1", "nmap", "nmap", config,
                List.of("127.0.0.1"), RunMode.LIVE, new AuthorizedScope(List.of("127.0.0.0/8")), 1, timeoutSeconds,
                List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyPort(StepResult result) {
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) result.outputs().get("hosts");
        assertThat(hosts).singleElement().satisfies(host -> assertThat(host.get("address")).isEqualTo("127.0.0.1"));
        List<Map<String, Object>> ports = (List<Map<String, Object>>) hosts.get(0).get("ports");
        assertThat(ports).hasSize(1);
        return ports.get(0);
    }

    @Test
    void givenAnOpenPortOnLoopback_whenScanned_thenThePortComesOutOpenWithALowFindingAndTheScanIsLogged()
            throws Exception {
        try (LoopbackServer server = new LoopbackServer(null)) {
            RecordingStepLog log = new RecordingStepLog();

            StepResult result = nmap.execute(new StepContext("run-nmap-it", liveStep(Map.of("profile", "custom",
                    "flags", "-p " + server.port()), 60), log));

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            Map<String, Object> port = onlyPort(result);
            assertThat(port).containsEntry("port", server.port()).containsEntry("protocol", "tcp")
                    .containsEntry("state", "open");
            assertThat(result.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.severity()).isEqualTo(Severity.LOW);
                assertThat(finding.title()).startsWith("Open port " + server.port() + "/tcp");
                assertThat(finding.target()).isEqualTo("127.0.0.1");
            });
            assertThat(log.lines).anyMatch(line -> line.startsWith("nmap -sT -p " + server.port()));
            assertThat(log.lines).contains("Nmap scan report for 127.0.0.1");
        }
    }

    @Test
    void givenAnSshBannerOnLoopback_whenScannedWithVersionDetection_thenServiceProductAndVersionComeOut()
            throws Exception {
        try (LoopbackServer server = new LoopbackServer("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")) {
            StepResult result = nmap.execute(new StepContext("run-nmap-it", liveStep(Map.of("flags",
                    "-sV -p " + server.port()), 120),
                    new RecordingStepLog()));

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(onlyPort(result)).containsEntry("state", "open").containsEntry("service", "ssh")
                    .containsEntry("product", "OpenSSH").containsEntry("version", "9.2p1 Debian 2+deb12u3");
            assertThat(result.findings()).extracting(Finding::title)
                    .containsExactly("Open port " + server.port() + "/tcp (ssh)");
        }
    }

    @Test
    void givenAnFtpServerOnLoopback_whenScannedWithVersionDetection_thenItIsARiskyServiceFinding() throws Exception {
        try (LoopbackServer server = new LoopbackServer("220 (vsFTPd 3.0.3)\r\n")) {
            StepResult result = nmap.execute(new StepContext("run-nmap-it", liveStep(Map.of("flags",
                    "-sV -p " + server.port()), 120),
                    new RecordingStepLog()));

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.findings()).extracting(Finding::severity, Finding::title).contains(
                    org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM,
                            "Risky service exposed: FTP on " + server.port() + "/tcp"));
        }
    }

    @Test
    void givenTheUdpProfileFlags_whenScanningLoopback_thenTheRawSocketScanRunsWithNetRaw() throws Exception {
        int closedUdpPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            closedUdpPort = probe.getLocalPort();
        }

        StepResult result = nmap.execute(new StepContext("run-nmap-it", liveStep(Map.of("profile", "custom",
                "flags", "-sU -p " + closedUdpPort), 60), new RecordingStepLog()));

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(onlyPort(result)).containsEntry("protocol", "udp").containsEntry("state", "closed");
    }

    @Test
    void givenAScanThatOutlivesTheStepTimeout_whenRun_thenTheStepFailsAsTimeout() throws Exception {
        try (LoopbackServer silent = new LoopbackServer(null)) {
            // Version detection against a service that never answers waits far longer than 3 s.
            StepResult result = nmap.execute(new StepContext("run-nmap-it", liveStep(Map.of("profile", "custom",
                    "flags", "-sV --version-all --host-timeout 3600s -p " + silent.port()), 3), new RecordingStepLog()));

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.outcome()).isEqualTo("timeout");
            assertThat(result.error()).isEqualTo("timeout after 3s");
        }
    }
}
