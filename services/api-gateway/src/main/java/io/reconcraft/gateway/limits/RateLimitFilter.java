package io.reconcraft.gateway.limits;

import io.reconcraft.gateway.error.ProblemWriter;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** 429 with Retry-After once an authenticated key exceeds its rate; runs in the security chain after authentication. */
@RequiredArgsConstructor
public class RateLimitFilter implements WebFilter {

    private final RateLimiter limiter;
    private final ProblemWriter problems;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> limiter.retryAfterSeconds(authentication.getName()))
                .defaultIfEmpty(0L)
                .flatMap(retryAfter -> {
                    if (retryAfter == 0) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                            "this API key sent too many requests; retry after " + retryAfter + " second(s)");
                });
    }
}
