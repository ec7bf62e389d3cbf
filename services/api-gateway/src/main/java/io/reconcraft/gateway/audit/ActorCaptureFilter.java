package io.reconcraft.gateway.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs in the security chain right after authentication and notes the caller on the exchange: the audit filter
 * sits outside the security chain, where the security context is not visible.
 */
public class ActorCaptureFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .doOnNext(authentication -> Actor.remember(exchange, authentication))
                .then(chain.filter(exchange));
    }
}
