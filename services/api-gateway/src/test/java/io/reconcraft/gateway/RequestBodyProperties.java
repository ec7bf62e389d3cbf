package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzed bodies on the endpoints that take the richest input: random JSON of every kind, wrong types, huge strings,
 * deep nesting and broken syntax must all be answered with a 4xx problem (or a success), never a 500 — and a problem
 * stays short however large the input it names (a success may echo what it stored, up to the body limit).
 * jqwik runs outside Spring's test support, so the gateway is started here (see SeparateGateway).
 */
class RequestBodyProperties {

    private static final List<String> ENDPOINTS = List.of("/api/workflows", "/api/runs", "/api/targets",
            "/api/runs/execute", "/api/targets/bulk");
    private static final List<String> FIELD_NAMES = List.of("name", "nodes", "edges", "id", "kind", "label",
            "category", "config", "position", "x", "y", "source", "target", "sourceHandle", "workflowId", "targets",
            "runMode", "authorizeTargets", "workflow", "value", "tags", "flags", "profile", "timeout", "duration",
            "condition", "rules", "webhookUrl", "authorizedTargets");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PROBLEM_BYTES = 32 * 1024;

    private static ConfigurableApplicationContext gateway;
    private static WebTestClient http;

    @BeforeContainer
    static void startGateway() {
        gateway = SeparateGateway.start("gateway-fuzz", "--reconcraft.gateway.limits.rate-limit.enabled=false");
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + SeparateGateway.port(gateway))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @AfterContainer
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Property(tries = 300)
    void randomJsonNeverCausesAServerError(@ForAll("endpoints") String endpoint, @ForAll("jsonBodies") String body) {
        assertAnsweredWithoutServerError(endpoint, body);
    }

    @Property(tries = 60)
    void deeplyNestedJsonNeverCausesAServerError(@ForAll("endpoints") String endpoint,
            @ForAll("deepBodies") String body) {
        assertAnsweredWithoutServerError(endpoint, body);
    }

    @Property(tries = 150)
    void brokenJsonNeverCausesAServerError(@ForAll("endpoints") String endpoint, @ForAll("brokenBodies") String body) {
        assertAnsweredWithoutServerError(endpoint, body);
    }

    private static void assertAnsweredWithoutServerError(String endpoint, String body) {
        EntityExchangeResult<byte[]> result = http.post().uri(endpoint).header("X-API-Key", GatewayTestSupport.ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody().returnResult();
        int status = result.getStatus().value();
        assertThat(status).as("status of POST %s", endpoint).isLessThan(500);
        if (status >= 400) {
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(new String(result.getResponseBodyContent())).doesNotContain("io.reconcraft", "Exception");
            assertThat(result.getResponseBodyContent()).as("problem of POST %s", endpoint)
                    .hasSizeLessThan(MAX_PROBLEM_BYTES);
        }
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of(ENDPOINTS);
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        return jsonValue(4).map(JSON::writeValueAsString);
    }

    @Provide
    Arbitrary<String> deepBodies() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(50, 5000);
        return Arbitraries.oneOf(
                depth.map(d -> "{\"nodes\":" + "[".repeat(d) + "]".repeat(d) + "}"),
                depth.map(d -> "{\"name\":\"x\",\"nodes\":[{\"config\":" + "{\"a\":".repeat(d) + "1"
                        + "}".repeat(d) + "}]}"),
                depth.map(d -> "{\"targets\":" + "[".repeat(d) + "\"127.0.0.1\"" + "]".repeat(d) + "}"));
    }

    @Provide
    Arbitrary<String> brokenBodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                jsonValue(3).map(JSON::writeValueAsString).flatMap(json -> Arbitraries.integers()
                        .between(0, Math.max(0, json.length() - 1)).map(cut -> json.substring(0, cut))),
                Arbitraries.of("", "null", "[]", "\"text\"", "123", "{", "}", "{\"name\":}", "{\"targets\":[,]}",
                        "\uFEFF{}", "{\"name\":\"\\ud800\"}", "{\"a\":1,\"a\":2}", "{\"targets\":[1e999999]}"));
    }

    private Arbitrary<Object> jsonValue(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.of("127.0.0.1", "10.0.0.0/8", "::1", "live", "demo", "nmap", "start", "-sV; rm -rf /",
                        "https://hooks.slack.com/x", "../../etc/passwd", "${jndi:ldap://x}").map(s -> (Object) s),
                Arbitraries.integers().between(10_000, 300_000).map(n -> (Object) "h".repeat(n)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> inner = jsonValue(depth - 1);
        Arbitrary<Object> array = inner.list().ofMaxSize(5).map(list -> (Object) new ArrayList<>(list));
        Arbitrary<Object> object = Arbitraries.maps(
                        Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES), Arbitraries.strings().ofMaxLength(10)), inner)
                .ofMaxSize(6).map(map -> (Object) new LinkedHashMap<>(map));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(2, array), net.jqwik.api.Tuple.of(5, object));
    }
}
