package io.reconcraft.gateway;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Boots the whole gateway against a real in-process Kafka broker and a MongoDB-wire server on loopback,
 * both started once for all test classes (they share one Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ThreadDumpOnTimeout.class)
// a generous response timeout: the first OpenAPI or SSE call is slow on a loaded 2-core machine, not wrong
@AutoConfigureWebTestClient(timeout = "PT60S")
// Tests call fast and often with one key; RateLimitTest overrides these in a context of its own.
// No scheduler on the wall clock: the schedule tests drive passes themselves with a clock they control.
@TestPropertySource(properties = {
        "reconcraft.schedules.enabled=false",
        "reconcraft.gateway.limits.rate-limit.requests-per-second=100000",
        "reconcraft.gateway.limits.rate-limit.burst=100000",
        // the defaults plus a self-hosted Slack-compatible server, so that workflows must obey the configured rule
        "reconcraft.webhooks.allowed-hosts=hooks.slack.com,discord.com,discordapp.com,chat.example.org"})
public abstract class GatewayTestSupport {

    /** The configured bootstrap admin key: what an operator would pass in RECONCRAFT_ADMIN_API_KEY. */
    protected static final String ADMIN_KEY = "rc_test-admin-key-0123456789abcdefghijklmnop";

    /** The event signing key the services share (RECONCRAFT_EVENT_SIGNING_KEY). */
    protected static final String SIGNING_KEY = "gateway-test-event-signing-key-0123456789abcdef";

    protected static final EmbeddedKafkaKraftBroker KAFKA = startKafka();
    protected static final MongoServer MONGO = startMongo();
    protected static final StubAuditService AUDIT = StubAuditService.start();
    protected static final StubFindingsService FINDINGS = StubFindingsService.start();

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    /** Test setup: as if the integration of {@code type} had never been configured. */
    protected void forgetIntegration(String type) {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(type)), "integrations").block();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InetSocketAddress mongo = MONGO.getLocalAddress();
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongo.getPort());
        registry.add("spring.mongodb.database", () -> "gateway-test");
        registry.add("reconcraft.gateway.admin-api-key", () -> ADMIN_KEY);
        registry.add("reconcraft.gateway.jwt.secret", () -> "a-test-secret-that-is-long-enough-for-hs256!");
        registry.add("reconcraft.kafka.partitions", () -> "2");
        registry.add("reconcraft.messaging.signing-key", () -> SIGNING_KEY);
        registry.add("reconcraft.gateway.sse.heartbeat", () -> "1s");
        registry.add("reconcraft.gateway.audit-url", AUDIT::url);
        registry.add("reconcraft.gateway.audit-api-token", () -> StubAuditService.SERVICE_TOKEN);
        registry.add("reconcraft.gateway.audit-timeout", () -> "1s");
        registry.add("reconcraft.gateway.audit-verify-timeout", () -> "5s");
        registry.add("reconcraft.gateway.findings-url", FINDINGS::url);
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker;
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }

    protected WebTestClient.RequestHeadersSpec<?> get(String uri) {
        return http.get().uri(uri).header("X-API-Key", ADMIN_KEY);
    }

    protected WebTestClient.RequestHeadersSpec<?> post(String uri, Object body) {
        return http.post().uri(uri).header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    protected WebTestClient.RequestHeadersSpec<?> delete(String uri) {
        return http.delete().uri(uri).header("X-API-Key", ADMIN_KEY);
    }

    /** Runs a check of the gateway's own state: a run driven to an end by publishing what the orchestrator would. */
    protected void awaitRunStatus(String runId, String status) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                get("/api/runs/" + runId).exchange().expectBody().jsonPath("$.status").isEqualTo(status));
    }

    protected WebTestClient.RequestHeadersSpec<?> postRaw(String uri, String json) {
        return http.post().uri(uri).header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json);
    }

    /** A queued demo run of a freshly saved {@link #scanWorkflow}; its id. */
    protected String startDemoRun() {
        String workflowId = saveWorkflow("Demo " + System.nanoTime()).get("id").toString();
        return post("/api/runs", Map.of("workflowId", workflowId, "targets", List.of("127.0.0.1"), "runMode", "demo"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** start → nmap → http-probe, as the Studio would save it. */
    protected static Map<String, Object> scanWorkflow(String name) {
        return Map.of(
                "name", name,
                "authorizedTargets", true,
                "nodes", List.of(
                        node("start", "start", "Start", Map.of()),
                        node("scan", "nmap", "Port scan", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV")),
                        node("probe", "http-probe", "HTTP probe", Map.of("timeout", "5", "followRedirects", true))),
                "edges", List.of(
                        Map.of("id", "e1", "source", "start", "target", "scan"),
                        Map.of("id", "e2", "source", "scan", "target", "probe")));
    }

    protected static Map<String, Object> node(String id, String kind, String label, Map<String, Object> config) {
        return Map.of("id", id, "kind", kind, "label", label, "category", "recon", "config", config,
                "position", Map.of("x", 10, "y", 20));
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> saveWorkflow(String name) {
        return post("/api/workflows", scanWorkflow(name)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
