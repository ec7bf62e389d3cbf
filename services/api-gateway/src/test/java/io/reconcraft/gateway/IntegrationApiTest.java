package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class IntegrationApiTest extends GatewayTestSupport {

    private static final String HOOK = "https://discord.com/api/webhooks/123/very-secret-token";

    @Test
    void givenAValidWebhook_whenSaved_thenShownInFullOnceAndMaskedOnEveryRead() {
        post("/api/integrations/discord", Map.of("webhookUrl", HOOK, "enabled", true)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.type").isEqualTo("discord")
                .jsonPath("$.webhookUrl").isEqualTo(HOOK)
                .jsonPath("$.enabled").isEqualTo(true);

        get("/api/integrations/discord").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.webhookUrl").isEqualTo("https://discord.com/***")
                .jsonPath("$.enabled").isEqualTo(true)
                .consumeWith(answer -> assertThat(new String(answer.getResponseBody())).doesNotContain("secret"));
    }

    @Test
    void givenAWebhookThatIsNotHttpsToAnAllowedHost_whenSaved_thenA400WithoutEchoingTheUrl() {
        for (String bad : new String[] {"http://hooks.slack.com/services/x", "https://evil.example.org/hook", "not a url"}) {
            post("/api/integrations/slack", Map.of("webhookUrl", bad)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("webhookUrl")
                    .consumeWith(answer -> assertThat(new String(answer.getResponseBody())).doesNotContain(bad));
        }
    }

    @Test
    void givenNoSlackIntegration_whenRead_thenA404() {
        forgetIntegration("slack");
        get("/api/integrations/slack").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenAnUnknownIntegrationType_whenRead_thenA404() {
        get("/api/integrations/teams").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenAnOperator_whenItReadsOrWritesIntegrations_thenA403() {
        String operatorKey = post("/api/auth/api-keys", Map.of("name", "ops", "role", "operator")).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
        http.get().uri("/api/integrations/slack").header("X-API-Key", operatorKey).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/integrations/slack").header("X-API-Key", operatorKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("webhookUrl", HOOK)).exchange()
                .expectStatus().isForbidden();
    }
}
