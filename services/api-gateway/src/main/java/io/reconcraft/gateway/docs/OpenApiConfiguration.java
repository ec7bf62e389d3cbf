package io.reconcraft.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says about the API as a whole: its name and version, how to authenticate (so
 * the Swagger UI's Authorize button works for both a token and an API key), and the problem+json errors.
 * The document and the UI are public (SecurityConfiguration): they describe the API and hold no data.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";
    static final String API_KEY = "api-key";
    static final String API_KEY_HEADER = "X-API-Key";

    private static final String DESCRIPTION = """
            The HTTP API of ReconCraft, the backend of ReconCraft Studio: workflows of reconnaissance tools, \
            runs against authorized targets with live server-sent events, targets, integrations, API keys and \
            the audit trail.

            Authenticate with an API key in `X-API-Key`, or exchange it at `POST /api/auth/token` for a \
            short-lived JWT sent as `Authorization: Bearer <token>`. Roles: `viewer` reads, `operator` also \
            changes workflows, targets and runs, `admin` also manages keys, integrations and reads the audit.

            Errors are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, \
            for invalid input, `errors: [{field, message}]`.""";

    @Bean
    OpenAPI reconcraftOpenApi(ObjectProvider<BuildProperties> build) {
        return new OpenAPI()
                .info(new Info()
                        .title("ReconCraft API")
                        .version(version(build.getIfAvailable()))
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A token from POST /api/auth/token (30 minutes by default)."))
                        .addSecuritySchemes(API_KEY, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(API_KEY_HEADER)
                                .description("An API key, as created at POST /api/auth/api-keys.")))
                // either scheme is enough: two requirements, not one with both
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer studioExamples() {
        return new StudioExamples();
    }

    private static String version(BuildProperties build) {
        return Optional.ofNullable(build).map(BuildProperties::getVersion)
                .or(() -> Optional.ofNullable(OpenApiConfiguration.class.getPackage().getImplementationVersion()))
                .orElse("development");
    }
}
