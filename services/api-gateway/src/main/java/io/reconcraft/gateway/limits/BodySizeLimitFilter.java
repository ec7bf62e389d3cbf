package io.reconcraft.gateway.limits;

import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.error.ProblemWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 for bodies over the limit: at once when the declared Content-Length is too large, and while reading for
 * bodies sent without one (chunked), so a client cannot make the gateway buffer more than the limit.
 */
@Component
@Order(BodySizeLimitFilter.ORDER)
public class BodySizeLimitFilter implements WebFilter {

    /** After the audit filter, before security: an oversized body costs nothing more than this check. */
    public static final int ORDER = -150;

    private final long maxBytes;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(LimitProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
        }
        return chain.filter(exchange.mutate().request(counting(exchange.getRequest())).build());
    }

    private ServerHttpRequest counting(ServerHttpRequest request) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(ApiException.tooLarge(tooLarge()));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    private String tooLarge() {
        return "the request body is larger than the limit of " + maxBytes + " bytes";
    }
}
