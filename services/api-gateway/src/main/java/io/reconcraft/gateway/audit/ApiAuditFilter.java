package io.reconcraft.gateway.audit;

import io.reconcraft.events.ApiCallAudited;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.messaging.EventPublisher;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every state-changing call under /api (POST, PUT, PATCH, DELETE), allowed or not, becomes an ApiCallAudited
 * event when its answer is about to be sent. Only who/what/where/outcome: never a header value or a body.
 */
@Component
@Order(ApiAuditFilter.ORDER)
@RequiredArgsConstructor
public class ApiAuditFilter implements WebFilter {

    /** Outermost of ours: it must see answers written by the body limit and the security filters too. */
    public static final int ORDER = -200;

    private static final Logger log = LoggerFactory.getLogger(ApiAuditFilter.class);
    private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final EventPublisher publisher;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CHANGING.contains(exchange.getRequest().getMethod())
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> {
            send(record(exchange));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static ApiCallAudited record(ServerWebExchange exchange) {
        Actor actor = Actor.of(exchange);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        PathPattern route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = route == null ? exchange.getRequest().getPath().value() : route.getPatternString();
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String resource = variables == null ? null : variables.getOrDefault("id", variables.get("type"));
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String client = remote == null ? null
                : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        return new ApiCallAudited(actor.keyId(), actor.role(), exchange.getRequest().getMethod().name() + " " + path,
                resource, client, outcome(code), code);
    }

    private static ApiCallAudited.Outcome outcome(int status) {
        if (status == 401 || status == 403 || status == 429) {
            return ApiCallAudited.Outcome.DENIED;
        }
        return status < 400 ? ApiCallAudited.Outcome.ALLOWED : ApiCallAudited.Outcome.FAILED;
    }

    private void send(ApiCallAudited audited) {
        String runId = audited.action().contains("/api/runs/") ? audited.resource() : null;
        // Off the event loop: the producer may block while it looks up the broker.
        Mono.fromFuture(() -> publisher.publishAsync(EventEnvelope.of(runId, audited)))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(sent -> { }, failure -> log.error("audit record of {} {} could not be sent: {}",
                        audited.action(), audited.httpStatus(), failure.getMessage()));
    }
}
