package io.reconcraft.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import io.reconcraft.gateway.error.ProblemWriter;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 from the security layer in the same problem+json shape as every other error. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SecurityProblemResponses {

    private final ProblemWriter problems;

    ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"reconcraft\"");
            return write(exchange, HttpStatus.UNAUTHORIZED,
                    "valid credentials are required: an X-API-Key header or an Authorization: Bearer token");
        };
    }

    ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> write(exchange, HttpStatus.FORBIDDEN,
                "your API key's role does not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value());
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return problems.write(exchange, status, detail);
    }
}
