package io.reconcraft.gateway.auth;

import io.reconcraft.gateway.stream.RunEventsController;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Browser {@code EventSource} cannot set headers, so the two SSE endpoints also take the token as
 * {@code ?access_token=}; everywhere else only the Authorization header counts (a token in a URL ends up in logs).
 */
final class SseAccessTokenConverter implements ServerAuthenticationConverter {

    private final ServerWebExchangeMatcher sseEndpoints = new OrServerWebExchangeMatcher(
            new PathPatternParserServerWebExchangeMatcher(RunEventsController.RUN_EVENTS_PATH, HttpMethod.GET),
            new PathPatternParserServerWebExchangeMatcher(RunEventsController.ALL_EVENTS_PATH, HttpMethod.GET));
    private final ServerBearerTokenAuthenticationConverter headerOnly = new ServerBearerTokenAuthenticationConverter();
    private final ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();

    SseAccessTokenConverter() {
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return sseEndpoints.matches(exchange).flatMap(match -> match.isMatch()
                ? headerOrQuery.convert(exchange)
                : headerOnly.convert(exchange));
    }
}
