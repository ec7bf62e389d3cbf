package io.reconcraft.toolrunner.execution.live.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.toolrunner.execution.Steps;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The live probe against real HTTP(S) servers on loopback (mockwebserver3); the scope is 127.0.0.1 only. */
class LiveHttpProbeExecutorTest {

    private static final List<String> SCOPE = List.of("127.0.0.1/32");

    private final LiveHttpProbeExecutor probe = new LiveHttpProbeExecutor(
            new HttpProbeProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(5), Duration.ofSeconds(10), 5));
    private final List<MockWebServer> servers = new ArrayList<>();

    private MockWebServer server(String address) throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getByName(address), 0);
        servers.add(server);
        return server;
    }

    @AfterEach
    void stopServers() {
        servers.forEach(MockWebServer::close);
    }

    /** The step as it comes after an nmap node that found an open HTTP(S) port on 127.0.0.1. */
    private static StepRequested stepAfterScanOf(MockWebServer server, String service) {
        Map<String, Object> port = Map.of("port", server.url("/").port(), "state", "open", "service", service);
        UpstreamOutput scan = new UpstreamOutput("nmap-1", "nmap",
                Map.of("hosts", List.of(Map.of("address", "127.0.0.1", "ports", List.of(port)))), List.of());
        return Steps.step("http-probe", RunMode.LIVE, List.of("127.0.0.1"), SCOPE, Map.of(), List.of(scan));
    }

    private static String base(MockWebServer server) {
        return "http://127.0.0.1:" + server.url("/").port();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyResponse(StepResult result) {
        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        List<Map<String, Object>> responses = (List<Map<String, Object>>) result.outputs().get("responses");
        assertThat(responses).hasSize(1);
        return responses.get(0);
    }

    private static List<String> titles(StepResult result) {
        return result.findings().stream().map(Finding::title).toList();
    }

    @Test
    void givenAServerWithoutSecurityHeadersThatNamesItsVersion_whenProbed_thenStatusTitleServerAndLowFindingsComeOut()
            throws Exception {
        MockWebServer server = server("127.0.0.1");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Server", "Apache/2.4.57 (Debian)")
                .setHeader("Content-Type", "text/html").body("<html><head><title> It\n works </title></head></html>").build());
        RecordingStepLog log = new RecordingStepLog();

        StepResult result = probe.execute(StepContext.of(stepAfterScanOf(server, "http"), log));

        Map<String, Object> response = onlyResponse(result);
        assertThat(response).containsEntry("status", 200).containsEntry("title", "It works")
                .containsEntry("server", "Apache/2.4.57 (Debian)").containsEntry("bodyTruncated", false);
        assertThat(result.findings()).extracting(Finding::severity).containsOnly(Severity.LOW);
        assertThat(result.findings()).filteredOn(f -> f.title().startsWith("Missing security headers")).singleElement()
                .satisfies(f -> assertThat(f.metadata().get("missingHeaders")).isEqualTo(
                        List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")));
        assertThat(titles(result)).anyMatch(t -> t.startsWith("Version disclosed in Server"));
        assertThat(log.lines).anyMatch(line -> line.endsWith("-> 200 \"It works\" (Apache/2.4.57 (Debian))"));
    }

    @Test
    void givenAServerWithEverySecurityHeaderAndNoVersion_whenProbedOverHttp_thenThereIsNoFinding() throws Exception {
        MockWebServer server = server("127.0.0.1");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Server", "nginx")
                .setHeader("Content-Security-Policy", "default-src 'self'").setHeader("X-Frame-Options", "DENY")
                .setHeader("X-Content-Type-Options", "nosniff").body("ok").build());

        StepResult result = probe.execute(StepContext.of(stepAfterScanOf(server, "http"), new RecordingStepLog()));

        assertThat(onlyResponse(result)).containsEntry("status", 200);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void givenARedirectInsideTheScope_whenProbed_thenItIsFollowedAndTheChainReported() throws Exception {
        MockWebServer server = server("127.0.0.1");
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/login").build());
        server.enqueue(new MockResponse.Builder().code(200).body("<title>Login</title>").build());

        Map<String, Object> response = onlyResponse(probe.execute(StepContext.of(stepAfterScanOf(server, "http"),
                new RecordingStepLog())));

        assertThat(response).containsEntry("status", 200).containsEntry("title", "Login")
                .containsEntry("redirectChain", List.of(base(server), base(server) + "/login"))
                .doesNotContainKey("redirectBlocked");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void givenARedirectToAHostOutsideTheScope_whenProbed_thenItIsNotFollowedAndThatHostGetsNoRequest() throws Exception {
        MockWebServer inScope = server("127.0.0.1");
        MockWebServer outside = server("127.0.0.2");
        inScope.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "http://127.0.0.2:" + outside.url("/").port()
                + "/steal").build());
        outside.enqueue(new MockResponse.Builder().code(200).body("should never be read").build());

        Map<String, Object> response = onlyResponse(probe.execute(StepContext.of(stepAfterScanOf(inScope, "http"),
                new RecordingStepLog())));

        assertThat(response).containsEntry("status", 301).containsEntry("redirectBlocked", "out of scope: 127.0.0.2")
                .containsEntry("redirectChain", List.of(base(inScope)));
        assertThat(outside.getRequestCount()).isZero();
    }

    @Test
    void givenEndlessRedirects_whenProbed_thenAtMostFiveAreFollowed() throws Exception {
        MockWebServer server = server("127.0.0.1");
        for (int i = 0; i < 8; i++) {
            server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/hop" + i).build());
        }

        Map<String, Object> response = onlyResponse(probe.execute(StepContext.of(stepAfterScanOf(server, "http"),
                new RecordingStepLog())));

        assertThat(response).containsEntry("redirectBlocked", "more than 5 redirects");
        assertThat((List<?>) response.get("redirectChain")).hasSize(6);
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void givenABodyLargerThanTheCap_whenProbed_thenOnlyTheCapIsReadAndTheResponseSaysItWasTruncated() throws Exception {
        MockWebServer server = server("127.0.0.1");
        String big = "<title>Big</title>" + "x".repeat(300 * 1024);
        server.enqueue(new MockResponse.Builder().code(200).body(big).build());

        Map<String, Object> response = onlyResponse(probe.execute(StepContext.of(stepAfterScanOf(server, "http"),
                new RecordingStepLog())));

        assertThat(response).containsEntry("title", "Big").containsEntry("bodyTruncated", true);
    }

    @Test
    void givenAnHttpsServerWithAnExpiredSelfSignedCertificate_whenProbed_thenItsFactsAndTwoMediumFindingsComeOut()
            throws Exception {
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        HeldCertificate expired = new HeldCertificate.Builder().commonName("legacy.test").addSubjectAlternativeName("127.0.0.1")
                .validityInterval(longAgo.toEpochMilli(), longAgo.plus(Duration.ofDays(30)).toEpochMilli()).build();
        MockWebServer server = server("127.0.0.1");
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(expired).build().sslSocketFactory());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Strict-Transport-Security", "max-age=1")
                .setHeader("Content-Security-Policy", "default-src 'self'").setHeader("X-Frame-Options", "DENY")
                .setHeader("X-Content-Type-Options", "nosniff").body("<title>Old</title>").build());

        StepResult result = probe.execute(StepContext.of(stepAfterScanOf(server, "https"), new RecordingStepLog()));

        Map<String, Object> response = onlyResponse(result);
        assertThat(response).containsEntry("status", 200);
        assertThat(response.get("tls")).isInstanceOfSatisfying(Map.class, tls -> assertThat(tls)
                .containsEntry("subject", "CN=legacy.test").containsEntry("issuer", "CN=legacy.test")
                .containsEntry("notAfter", "2020-01-31T00:00:00Z").containsEntry("expired", true)
                .containsEntry("selfSigned", true));
        assertThat(result.findings()).extracting(Finding::severity).containsExactly(Severity.MEDIUM, Severity.MEDIUM);
        assertThat(titles(result)).anyMatch(t -> t.startsWith("Expired TLS certificate"))
                .anyMatch(t -> t.startsWith("Self-signed TLS certificate"));
    }

    @Test
    void givenAnHttpsServerWithoutHsts_whenProbed_thenHstsIsAmongTheMissingHeaders() throws Exception {
        HeldCertificate valid = new HeldCertificate.Builder().commonName("app.test").addSubjectAlternativeName("127.0.0.1")
                .duration(1, java.util.concurrent.TimeUnit.DAYS).build();
        MockWebServer server = server("127.0.0.1");
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(valid).build().sslSocketFactory());
        server.enqueue(new MockResponse.Builder().code(200).body("hi").build());

        StepResult result = probe.execute(StepContext.of(stepAfterScanOf(server, "https"), new RecordingStepLog()));

        assertThat(result.findings()).filteredOn(f -> f.title().startsWith("Missing security headers")).singleElement()
                .satisfies(f -> assertThat((List<?>) f.metadata().get("missingHeaders")).first()
                        .isEqualTo("Strict-Transport-Security"));
    }

    @Test
    void givenAnUpstreamHostOutsideTheScope_whenProbed_thenNoRequestIsSentAndTheResponseSaysWhy() throws Exception {
        MockWebServer outside = server("127.0.0.2");
        Map<String, Object> port = Map.of("port", outside.url("/").port(), "state", "open", "service", "http");
        UpstreamOutput scan = new UpstreamOutput("nmap-1", "nmap",
                Map.of("hosts", List.of(Map.of("address", "127.0.0.2", "ports", List.of(port)))), List.of());
        StepRequested step = Steps.step("http-probe", RunMode.LIVE, List.of("127.0.0.1"), SCOPE, Map.of(), List.of(scan));

        Map<String, Object> response = onlyResponse(probe.execute(StepContext.of(step, new RecordingStepLog())));

        assertThat(response).containsEntry("error", "out of scope: 127.0.0.2").doesNotContainKey("status");
        assertThat(outside.getRequestCount()).isZero();
    }

    /** A probe whose resolver answers probe.test with 127.0.0.1, as a hostile or rebinding DNS server would. */
    private static LiveHttpProbeExecutor probeResolvingTo(String address) {
        return new LiveHttpProbeExecutor(
                new HttpProbeProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(5), Duration.ofSeconds(10), 5),
                java.time.Clock.systemUTC(), host -> List.of(InetAddress.getByName(address)));
    }

    private static StepRequested stepForHost(String host, MockWebServer server, String service, List<String> scope) {
        Map<String, Object> port = Map.of("port", server.url("/").port(), "state", "open", "service", service,
                "protocol", "tcp");
        UpstreamOutput scan = new UpstreamOutput("nmap-1", "nmap",
                Map.of("hosts", List.of(Map.of("address", host, "ports", List.of(port)))), List.of());
        return Steps.step("http-probe", RunMode.LIVE, List.of(host), scope, Map.of(), List.of(scan));
    }

    @Test
    void givenAnAuthorizedNameThatResolvesToLoopback_whenProbed_thenItIsRefusedAndNothingIsSent() throws Exception {
        MockWebServer server = server("127.0.0.1");

        StepResult result = probeResolvingTo("127.0.0.1").execute(StepContext.of(stepForHost("probe.test", server,
                "http", List.of("probe.test")), new RecordingStepLog()));

        assertThat(onlyResponse(result).get("error").toString())
                .isEqualTo("out of scope: probe.test resolves to 127.0.0.1 (loopback), which is not an authorized target");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void givenAnAuthorizedNameWhoseAddressIsAuthorizedToo_whenProbed_thenTheConnectionGoesToTheCheckedAddress()
            throws Exception {
        MockWebServer server = server("127.0.0.1");
        server.enqueue(new MockResponse.Builder().code(200).body("pinned").build());

        // probe.test exists in no DNS: the request can only arrive through the address the gate checked
        StepResult result = probeResolvingTo("127.0.0.1").execute(StepContext.of(stepForHost("probe.test", server,
                "http", List.of("probe.test", "127.0.0.1/32")), new RecordingStepLog()));

        assertThat(onlyResponse(result)).containsEntry("status", 200);
        assertThat(server.takeRequest().getHeaders().get("Host")).isEqualTo("probe.test:" + server.url("/").port());
    }

    @Test
    void givenAnOpenPortTheScanCouldNotName_whenProbed_thenItIsProbedOverHttp() throws Exception {
        MockWebServer server = server("127.0.0.1");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Server", "nginx").body("<title>Hi</title>")
                .build());

        StepResult result = probe.execute(StepContext.of(stepAfterScanOf(server, "unknown"), new RecordingStepLog()));

        assertThat(onlyResponse(result)).containsEntry("status", 200).containsEntry("title", "Hi")
                .containsEntry("url", base(server));
    }
}
