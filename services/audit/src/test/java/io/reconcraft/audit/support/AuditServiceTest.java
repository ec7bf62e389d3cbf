package io.reconcraft.audit.support;

import io.reconcraft.testing.EventTap;
import io.reconcraft.testing.RealInfrastructure;

import io.reconcraft.audit.chain.ChainVerification;
import io.reconcraft.audit.config.ServiceTokenFilter;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit service on a real broker and a real MongoDB-wire server, read through its own HTTP endpoints.
 * Every test class extending this shares one application context (and so one chain).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reconcraft.audit.chain-key=" + AuditServiceTest.CHAIN_KEY,
        "reconcraft.audit.api-token=" + AuditServiceTest.API_TOKEN,
        // the tests tamper with the chain and verify at moments they choose: no background pass in between
        "reconcraft.audit.full-verify-initial-delay=PT1H"})
public abstract class AuditServiceTest {

    public static final String CHAIN_KEY = "test-chain-key-not-in-the-database";
    public static final String API_TOKEN = "test-gateway-service-credential";

    protected static final Duration WAIT = Duration.ofSeconds(60);
    private static EventTap producer;

    @LocalServerPort
    int port;

    protected WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry);
    }

    @BeforeEach
    void connect() {
        synchronized (AuditServiceTest.class) {
            if (producer == null) {
                producer = new EventTap(RealInfrastructure.bootstrapServers(), java.util.List.of());
                Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
            }
        }
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(ServiceTokenFilter.HEADER, API_TOKEN).build();
    }

    protected static EventTap producer() {
        return producer;
    }

    protected long count(String runId) {
        Map<String, Long> body = http.get().uri("/audit/events/count?runId={id}", runId).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Long>>() { })
                .returnResult().getResponseBody();
        return body.get("count");
    }

    protected List<Map<String, Object>> records(String runId) {
        return http.get().uri("/audit/events?runId={id}", runId).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    /** The quick verification: signed anchors, and the records added since the last one. */
    protected ChainVerification verify() {
        return http.get().uri("/audit/verify").exchange().expectStatus().isOk()
                .expectBody(ChainVerification.class).returnResult().getResponseBody();
    }

    /** Re-reads the whole chain. */
    protected ChainVerification verifyFully() {
        return http.get().uri("/audit/verify?full=true").exchange().expectStatus().isOk()
                .expectBody(ChainVerification.class).returnResult().getResponseBody();
    }

    protected static EventEnvelope at(Instant occurredAt, String runId, EventPayload payload) {
        EventEnvelope event = EventEnvelope.of(runId, payload);
        return new EventEnvelope(event.eventId(), event.type(), runId, occurredAt, event.version(), payload);
    }

    protected static String newRunId() {
        return "run-" + UUID.randomUUID();
    }
}
