package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.audit.ActorCaptureFilter;
import io.reconcraft.gateway.config.GatewayProperties;
import io.reconcraft.gateway.error.ProblemWriter;
import io.reconcraft.gateway.limits.RateLimitFilter;
import io.reconcraft.gateway.limits.RateLimiter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may call what: viewers read, operators change workflows/targets/runs, admins also manage keys.
 * Stateless: every request carries an API key or a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final String ADMIN = "admin";
    private static final String OPERATOR = "operator";
    private static final String VIEWER = "viewer";

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ApiKeyService keys,
            RevocationAwareJwtDecoder jwtDecoder, SecurityProblemResponses problems, RateLimiter rateLimiter,
            ProblemWriter problemWriter) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/health").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        // the API docs hold no data; springdoc redirects /api/docs to /api/swagger-ui/index.html
                        .pathMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/webjars/swagger-ui/**").permitAll()
                        .pathMatchers("/api/auth/api-keys", "/api/auth/api-keys/**").hasRole(ADMIN)
                        .pathMatchers("/api/integrations", "/api/integrations/**").hasRole(ADMIN)
                        .pathMatchers("/api/audit", "/api/audit/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .pathMatchers("/api/**").hasAnyRole(ADMIN, OPERATOR)
                        .anyExchange().hasRole(ADMIN))
                .addFilterAt(ApiKeyAuthentication.filter(keys, problems.unauthorized()),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(new ActorCaptureFilter(), SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterBefore(new RateLimitFilter(rateLimiter, problemWriter), SecurityWebFiltersOrder.AUTHORIZATION)
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new SseAccessTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(roleClaimConverter()))
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    /**
     * No observation per security filter, authentication and authorization: they were 8 % of the CPU of a run read,
     * the API's most frequent request. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Last-Event-ID", ApiKeyAuthentication.HEADER));
        cors.setExposedHeaders(List.of("X-Total-Count", "Location", "Retry-After"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static ReactiveJwtAuthenticationConverterAdapter roleClaimConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenService.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
