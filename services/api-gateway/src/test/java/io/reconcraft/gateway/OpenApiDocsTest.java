package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The API docs a browser opens without credentials, and what the document tells a client. */
class OpenApiDocsTest extends GatewayTestSupport {

    @Test
    void givenNoCredentials_whenTheSwaggerUiIsOpenedFollowingItsRedirect_thenItsPageScriptAndConfigLoad() {
        String location = http.get().uri("/api/docs").exchange().expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();

        http.get().uri(location).exchange()
                .expectStatus().value(status -> assertThat(status).as("GET " + location).isEqualTo(200))
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
        String script = location.replace("index.html", "swagger-initializer.js");
        http.get().uri(script).exchange()
                .expectStatus().value(status -> assertThat(status).as("GET " + script).isEqualTo(200));
        http.get().uri("/api/docs/openapi.json/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/api/docs/openapi.json");
    }

    @Test
    void givenNoCredentials_whenTheDocumentIsRead_thenItNamesTheProductAndItsBuildVersion() {
        http.get().uri("/api/docs/openapi.json").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("ReconCraft API")
                .jsonPath("$.info.version").value(version -> assertThat(version.toString())
                        .isNotBlank().isNotEqualTo("v0"))
                .jsonPath("$.info.description").value(description -> assertThat(description.toString())
                        .contains("X-API-Key", "problem+json"));
    }

    @Test
    void givenTheDocument_whenItsSecurityIsRead_thenBearerJwtAndApiKeyAreBothAcceptedEverywhere() {
        http.get().uri("/api/docs/openapi.json").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes['bearer-jwt'].type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes['bearer-jwt'].scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes['bearer-jwt'].bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.securitySchemes['api-key'].type").isEqualTo("apiKey")
                .jsonPath("$.components.securitySchemes['api-key'].in").isEqualTo("header")
                .jsonPath("$.components.securitySchemes['api-key'].name").isEqualTo("X-API-Key")
                .jsonPath("$.security[*]").value(Matchers.hasSize(2))
                .jsonPath("$.paths['/api/health'].get.security").isEmpty()
                .jsonPath("$.paths['/api/auth/token'].post.security").isEmpty();
    }

    @Test
    void givenTheDocument_whenStudioShapesAreRead_thenTheyHaveTheirFieldsAndAnExample() {
        http.get().uri("/api/docs/openapi.json").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.schemas.RunView.properties.status").exists()
                .jsonPath("$.components.schemas.RunView.properties.steps").exists()
                .jsonPath("$.components.schemas.RunView.example.status").isEqualTo("succeeded")
                .jsonPath("$.components.schemas.Workflow.properties.nodes").exists()
                .jsonPath("$.components.schemas.Workflow.example.nodes[1].kind").isEqualTo("nmap")
                .jsonPath("$.components.schemas.ExecuteResponse.example.runId").exists()
                .jsonPath("$.components.schemas.AuthorizedTarget.example.value").isEqualTo("10.0.0.0/24");
    }

    @Test
    void givenTheDocument_whenErrorsAreRead_thenTheyAreProblemJsonWithTheContractsMembers() {
        http.get().uri("/api/docs/openapi.json").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.schemas.Problem.properties.errors.items.properties.field").exists()
                .jsonPath("$.paths['/api/workflows'].post.responses['400'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath("$.paths['/api/workflows'].post.responses['401']").exists()
                .jsonPath("$.paths['/api/workflows'].post.responses['413']").exists()
                .jsonPath("$.paths['/api/runs/{id}'].get.responses['404'].content['application/problem+json'].example.status")
                .isEqualTo(404)
                .jsonPath("$.paths['/api/runs'].get.responses['429'].headers['Retry-After']").exists()
                .jsonPath("$.paths['/api/health'].get.responses['401']").doesNotExist();
    }
}
