package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

class LimitsAndDocsTest extends GatewayTestSupport {

    private static final int OVER_ONE_MIB = 1024 * 1024 + 100;

    @Test
    void givenABodyDeclaredLargerThanTheLimit_whenPosted_thenA413Problem() {
        String huge = "{\"name\":\"" + "x".repeat(OVER_ONE_MIB) + "\"}";
        postRaw("/api/workflows", huge).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.title").isEqualTo("Content Too Large");
    }

    @Test
    void givenAChunkedBodyWithoutALengthThatGrowsPastTheLimit_whenPosted_thenA413Problem() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.concat(
                Flux.just(buffers.wrap("{\"name\":\"".getBytes(StandardCharsets.UTF_8))),
                Flux.range(0, 20).map(i -> buffers.wrap("y".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8))),
                Flux.just(buffers.wrap("\"}".getBytes(StandardCharsets.UTF_8))));
        http.post().uri("/api/workflows").header("X-API-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenTheGateway_whenItsOpenApiDescriptionIsAskedWithoutCredentials_thenEveryApiPathIsDescribed() {
        http.get().uri("/api/docs/openapi.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists()
                .jsonPath("$.paths['/api/runs/{id}/cancel'].post").exists()
                .jsonPath("$.paths['/api/runs/{id}/events'].get").exists()
                .jsonPath("$.paths['/api/integrations/{type}'].post").exists()
                .jsonPath("$.paths['/api/workflows'].get").exists();
    }

    @Test
    void givenTheGateway_whenItsInteractiveDocsAreOpened_thenTheSwaggerUiIsServed() {
        http.get().uri("/api/docs").exchange().expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).contains("swagger-ui"));
        http.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    /** Spring's codecs buffer 256 KB by default: a body the gateway's own limit lets through must not fail on them. */
    @Test
    void givenAWorkflowOf1500NodesUnderTheLimitButOverTheCodecsDefault_whenPosted_thenItIsCreated() {
        List<Map<String, Object>> nodes = IntStream.range(0, 1_500).mapToObj(i -> Map.<String, Object>of("id", "scan" + i,
                "kind", "nmap", "label", "Scan " + i, "category", "recon",
                "config", Map.of("targets", List.of(), "profile", "quick", "flags", "-sV"),
                "position", Map.of("x", i * 10, "y", 0))).toList();
        List<Map<String, Object>> edges = IntStream.range(1, 1_500).mapToObj(i -> Map.<String, Object>of(
                "id", "e" + i, "source", "scan0", "target", "scan" + i)).toList();
        Map<String, Object> workflow = Map.of("name", "a thousand scans", "nodes", nodes, "edges", edges);
        String body = JsonMapper.builder().build().writeValueAsString(workflow);
        assertThat(body.length()).isBetween(256 * 1024, 1024 * 1024);

        postRaw("/api/workflows", body).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.nodes.length()").isEqualTo(1_500);
    }

    @Test
    void givenASmallBody_whenPosted_thenTheLimitDoesNotGetInTheWay() {
        post("/api/targets", Map.of("value", "10.77.0.1")).exchange().expectStatus().isCreated();
    }
}
