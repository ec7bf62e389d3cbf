package io.reconcraft.audit.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Only the gateway may read the audit: every {@code /audit/**} call must carry the service credential
 * ({@value #HEADER}), compared in constant time. Actuator endpoints stay open for the launcher's health checks.
 */
@Component
public class ServiceTokenFilter implements WebFilter {

    public static final String HEADER = "X-Reconcraft-Service-Token";
    private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"the audit service answers only the gateway (service credential missing or wrong)\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final byte[] token;

    public ServiceTokenFilter(AuditProperties properties) {
        this.token = properties.apiToken().strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/audit")) {
            return chain.filter(exchange);
        }
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(PROBLEM);
        return response.writeWith(Mono.just(body));
    }
}
