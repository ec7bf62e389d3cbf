package io.reconcraft.gateway.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;

/** Who made a request (key id and role), remembered on the exchange for the audit record. */
public record Actor(String keyId, String role) {

    static final String ATTRIBUTE = Actor.class.getName();
    private static final String ROLE_PREFIX = "ROLE_";

    public static void remember(ServerWebExchange exchange, Authentication authentication) {
        String role = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .findFirst().orElse(null);
        exchange.getAttributes().put(ATTRIBUTE, new Actor(authentication.getName(), role));
    }

    static Actor of(ServerWebExchange exchange) {
        Actor actor = exchange.getAttribute(ATTRIBUTE);
        return actor == null ? new Actor(null, null) : actor;
    }
}
