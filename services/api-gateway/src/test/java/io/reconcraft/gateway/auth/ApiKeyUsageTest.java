package io.reconcraft.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.gateway.GatewayTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the gateway records of its keys' use, read back from the api_keys collection and the dashboard. */
class ApiKeyUsageTest extends GatewayTestSupport {

    @Test
    void givenANewKey_whenItAuthenticatesARequest_thenItsLastUseIsRecordedAndNothingElseChanges() {
        Map<?, ?> created = post("/api/auth/api-keys", Map.of("name", "usage-key", "role", "viewer")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = created.get("id").toString();
        ApiKey before = mongo.findById(id, ApiKey.class).block(Duration.ofSeconds(10));
        assertThat(before.lastUsed()).isNull();

        http.get().uri("/api/workflows").header("X-API-Key", created.get("key").toString()).exchange()
                .expectStatus().isOk();

        ApiKey after = mongo.findById(id, ApiKey.class).block(Duration.ofSeconds(10));
        assertThat(after.lastUsed()).isNotNull().isAfterOrEqualTo(before.createdAt());
        assertThat(after).usingRecursiveComparison().ignoringFields("lastUsed").isEqualTo(before);
    }

    @Test
    void givenAnExpiredKeyAndTwoUnexpiredOnes_whenTheDashboardCountsActiveKeys_thenOnlyTheUnexpiredOnesAreAdded() {
        long activeBefore = activeApiKeys();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        mongo.insert(key(now.minus(Duration.ofDays(1)))).block(Duration.ofSeconds(10));
        mongo.insert(key(now.plus(Duration.ofDays(1)))).block(Duration.ofSeconds(10));
        mongo.insert(key(null)).block(Duration.ofSeconds(10));

        assertThat(activeApiKeys()).isEqualTo(activeBefore + 2);
    }

    private long activeApiKeys() {
        return ((Number) get("/api/metrics").exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("activeApiKeys")).longValue();
    }

    private static ApiKey key(Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        return new ApiKey(id, "usage-" + id, "hash-" + id, "rc_usage", ApiRole.VIEWER, Instant.now(), expiresAt, null);
    }
}
