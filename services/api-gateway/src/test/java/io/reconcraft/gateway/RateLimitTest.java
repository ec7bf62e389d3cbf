package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.gateway.auth.ApiKeyService;
import io.reconcraft.gateway.auth.ApiRole;
import io.reconcraft.gateway.auth.NewApiKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A gateway of its own with a tiny limit: 3 requests, then one more token every 1000 s. */
@TestPropertySource(properties = {
        "reconcraft.gateway.limits.rate-limit.requests-per-second=0.001",
        "reconcraft.gateway.limits.rate-limit.burst=3",
        // a second gateway in the same consumer group would take partitions from the shared test context
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitTest extends GatewayTestSupport {

    @Autowired
    ApiKeyService keys;

    @Test
    void givenAKeyOverItsRate_whenItCallsAgain_thenA429ProblemWithRetryAfter_andOtherKeysAreUnaffected() {
        String busyKey = keys.create(new NewApiKey("busy", null, ApiRole.VIEWER)).block().key();
        String quietKey = keys.create(new NewApiKey("quiet", null, ApiRole.VIEWER)).block().key();
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/workflows").header("X-API-Key", busyKey).exchange().expectStatus().isOk();
        }

        http.get().uri("/api/workflows").header("X-API-Key", busyKey).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1000L))
                .expectBody().jsonPath("$.status").isEqualTo(429);
        http.get().uri("/api/workflows").header("X-API-Key", quietKey).exchange().expectStatus().isOk();
    }
}
