package io.reconcraft.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Open server-sent-event streams ({@code GET /api/runs/{id}/events}, {@code GET /api/events}): counted while
 * their exchange is in flight, from outside the stream code, so the event path itself stays untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SseSubscriberMetrics implements WebFilter {

    static final String SUBSCRIBERS = "reconcraft.sse.subscribers";

    private final AtomicInteger open = new AtomicInteger();

    SseSubscriberMetrics(MeterRegistry registry) {
        Gauge.builder(SUBSCRIBERS, open, AtomicInteger::get).description("Open server-sent event streams")
                .register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isStream(exchange)) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            open.incrementAndGet();
            return chain.filter(exchange);
        }).doFinally(signal -> open.decrementAndGet());
    }

    private static boolean isStream(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return false;
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals("/api/events") || (path.startsWith("/api/runs/") && path.endsWith("/events"));
    }
}
