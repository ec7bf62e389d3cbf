package io.reconcraft.gateway.auth;

import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import reactor.core.publisher.Mono;

/** Machine clients authenticate with the key itself in {@code X-API-Key}; the principal is the key id. */
final class ApiKeyAuthentication {

    static final String HEADER = "X-API-Key";

    private ApiKeyAuthentication() {
    }

    static AuthenticationWebFilter filter(ApiKeyService keys, ServerAuthenticationEntryPoint unauthorized) {
        ReactiveAuthenticationManager manager = presented -> keys.authenticate((String) presented.getCredentials())
                .<org.springframework.security.core.Authentication>map(key ->
                        UsernamePasswordAuthenticationToken.authenticated(key.id(), null,
                                List.of(new SimpleGrantedAuthority(key.role().authority()))))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown, expired or revoked API key")));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(exchange -> Mono
                .justOrEmpty(exchange.getRequest().getHeaders().getFirst(HEADER))
                .map(key -> UsernamePasswordAuthenticationToken.unauthenticated(HEADER, key)));
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
        return filter;
    }
}
