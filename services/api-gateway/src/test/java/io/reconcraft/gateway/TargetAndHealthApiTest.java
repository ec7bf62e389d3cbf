package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class TargetAndHealthApiTest extends GatewayTestSupport {

    @Test
    void givenANewTarget_whenAddedTwice_thenThe2ndIsAConflict() {
        post("/api/targets", Map.of("value", "192.168.50.7", "tags", List.of("lab"))).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.value").isEqualTo("192.168.50.7")
                .jsonPath("$.tags[0]").isEqualTo("lab")
                .jsonPath("$.createdAt").exists();
        post("/api/targets", Map.of("value", "192.168.50.7")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenAnInvalidTarget_whenAdded_thenA400NamingValue() {
        post("/api/targets", Map.of("value", "http://example.org/")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("value");
    }

    @Test
    void givenABodyOfTheWrongShape_whenATargetIsAdded_thenA400ThatDoesNotLeakClassNames() {
        postRaw("/api/targets", "[1, 2]").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("wrong type: expected an object")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).doesNotContain("io.reconcraft"));
    }

    @Test
    void givenAnUnknownPathOrMethod_whenCalled_thenAProblemWithEveryRfc9457Member() {
        get("/api/no-such-thing").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("about:blank").jsonPath("$.title").isEqualTo("Not Found");
        http.put().uri("/api/runs").header("X-API-Key", ADMIN_KEY).exchange().expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo("about:blank");
    }

    @Test
    void givenABulkImportWithOneBadLine_whenImported_thenNothingIsStoredAndTheLineIsNamed() {
        post("/api/targets/bulk", Map.of("targets", List.of("172.16.1.1", "$(reboot)", "172.16.1.2"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("targets[1]");
        get("/api/targets").exchange().expectBody()
                .jsonPath("$[?(@.value == '172.16.1.1')]").doesNotExist();
    }

    @Test
    void givenABulkImportOverlappingExistingValues_whenImported_thenNoValueIsDuplicated() {
        post("/api/targets", Map.of("value", "172.17.0.1")).exchange().expectStatus().isCreated();
        post("/api/targets/bulk", Map.of("targets", List.of("172.17.0.1", "172.17.0.2"))).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].tags").isArray();
        get("/api/targets").exchange().expectBody()
                .jsonPath("$[?(@.value == '172.17.0.1')].id").value(List.class, ids -> assertThat(ids).hasSize(1));
    }

    @Test
    void givenRunningDependencies_whenTheLauncherProbesActuatorHealth_thenUpWithoutCredentials() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void givenTheGateway_whenMetricsAreAsked_thenEveryRunStatusIsCounted() {
        get("/api/metrics").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.runsByStatus.queued").isNumber()
                .jsonPath("$.runsByStatus.running").isNumber()
                .jsonPath("$.runsByStatus.succeeded").isNumber()
                .jsonPath("$.runsByStatus.failed").isNumber()
                .jsonPath("$.activeApiKeys").isNumber()
                .jsonPath("$.successRate").isNumber();
    }

    @Test
    void givenTheStudioOrigin_whenItSendsAPreflight_thenItIsAllowed() {
        http.options().uri("/api/runs").header("Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
    }
}
