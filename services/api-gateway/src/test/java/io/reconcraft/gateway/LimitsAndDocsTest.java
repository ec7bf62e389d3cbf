package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

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

    @Test
    void givenASmallBody_whenPosted_thenTheLimitDoesNotGetInTheWay() {
        post("/api/targets", Map.of("value", "10.77.0.1")).exchange().expectStatus().isCreated();
    }
}
