package io.reconcraft.gateway.error;

import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer from a web filter, where controller advice does not reach. */
@Component
@RequiredArgsConstructor
public class ProblemWriter {

    private final JsonMapper json;

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ProblemDetail problem = Problems.of(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(json.writeValueAsBytes(problem));
        return exchange.getResponse().writeWith(Mono.just(body));
    }
}
