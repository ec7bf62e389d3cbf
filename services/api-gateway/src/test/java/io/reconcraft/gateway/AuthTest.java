package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthTest extends GatewayTestSupport {

    @Test
    void givenNoCredentials_whenAnEndpointIsCalled_thenA401Problem() {
        http.get().uri("/api/workflows").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void givenAnUnknownApiKey_whenAnEndpointIsCalled_thenA401() {
        http.get().uri("/api/workflows").header("X-API-Key", "rc_not-a-real-key").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void givenAViewerKey_whenItReads_thenAllowed_andWhenItChangesSomething_thenA403() {
        String viewerKey = createKey("viewer");
        http.get().uri("/api/workflows").header("X-API-Key", viewerKey).exchange().expectStatus().isOk();
        http.post().uri("/api/workflows").header("X-API-Key", viewerKey).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(scanWorkflow("Viewer attempt")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenAnOperatorKey_whenItManagesKeys_thenA403() {
        String operatorKey = createKey("operator");
        http.get().uri("/api/auth/api-keys").header("X-API-Key", operatorKey).exchange().expectStatus().isForbidden();
    }

    @Test
    void givenAnApiKey_whenExchangedForAToken_thenTheTokenAuthenticatesWithItsRole() {
        String operatorKey = createKey("operator");
        String token = tokenFor(operatorKey);

        http.post().uri("/api/workflows").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(scanWorkflow("Made with a token")).exchange().expectStatus().isCreated();
        http.get().uri("/api/auth/api-keys").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
        http.get().uri("/api/workflows").headers(h -> h.setBearerAuth(token + "x")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void givenAnUnknownKey_whenATokenIsRequested_thenA401() {
        http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("apiKey", "rc_unknown")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenADeletedKey_whenItsTokenIsUsed_thenA401() {
        Map<String, Object> created = post("/api/auth/api-keys", Map.of("name", "short-lived", "role", "viewer"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String token = tokenFor(created.get("key").toString());
        http.get().uri("/api/workflows").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        http.delete().uri("/api/auth/api-keys/" + created.get("id")).header("X-API-Key", ADMIN_KEY).exchange()
                .expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/workflows")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized());
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenKeys_whenListed_thenNoSecretIsShownAndOnlyTheCreationAnswerHadIt() {
        Map<String, Object> created = post("/api/auth/api-keys", Map.of("name", "ci", "role", "operator",
                "expiresInDays", 30)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String key = created.get("key").toString();
        assertThat(key).startsWith("rc_").hasSize(3 + 43);
        assertThat(created).containsEntry("keyPrefix", key.substring(0, 10)).containsEntry("role", "operator")
                .containsKeys("createdAt", "expiresAt");

        List<Map<String, Object>> listed = get("/api/auth/api-keys").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(listed).isNotEmpty().allSatisfy(k -> assertThat(k).doesNotContainKeys("key", "keyHash"));
        assertThat(listed).extracting(k -> k.get("id")).contains(created.get("id"));
    }

    private String createKey(String role) {
        return post("/api/auth/api-keys", Map.of("name", role + "-key", "role", role)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
    }

    private String tokenFor(String apiKey) {
        Map<?, ?> answer = http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("apiKey", apiKey)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("expiresAt").toString()).endsWith("Z");
        return answer.get("token").toString();
    }
}
