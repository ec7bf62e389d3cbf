package io.reconcraft.gateway.auth;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import io.reconcraft.gateway.error.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security layer in the same problem+json shape as every other error. */
@Component
class SecurityProblemResponses {

    private final JsonMapper json;

    SecurityProblemResponses(JsonMapper json) {
        this.json = json;
    }

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
        ProblemDetail problem = Problems.of(status, detail);
        problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(problem));
        return exchange.getResponse().writeWith(Mono.just(body));
    }
}
