package io.reconcraft.gateway;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;

/**
 * Two gateway contexts in one JVM (tests do it; a one-JVM stack whose loader shares the web library would too): the
 * one that stops takes only its own event loops and connections with it.
 */
class SecondGatewayInTheJvmTest extends GatewayTestSupport {

    @Test
    void givenAStreamOpenThroughThisGateway_whenAnotherGatewayInTheJvmStops_thenTheStreamAndNewCallsGoOn() {
        ConfigurableApplicationContext other = SeparateGateway.start("gateway-second");
        FluxExchangeResult<String> stream = http.get().uri("/api/events").header("X-API-Key", ADMIN_KEY)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk().returnResult(String.class);

        other.close();

        // open for three more seconds, without an error (a stream cut under it fails with PrematureCloseException)
        stream.getResponseBody().take(Duration.ofSeconds(3)).then().block(Duration.ofSeconds(30));
        get("/api/workflows").exchange().expectStatus().isOk();
    }
}
