package io.reconcraft.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A request is timed as a whole, not once more per security filter, authentication and authorization. */
class SecurityObservationsTest extends GatewayTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void givenAnAuthenticatedRequest_whenItIsAnswered_thenOnlyTheRequestIsObserved() {
        get("/api/workflows").exchange().expectStatus().isOk();
        http.get().uri("/api/workflows").header("X-API-Key", "rc_not-a-key").exchange().expectStatus().isUnauthorized();

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }
}
