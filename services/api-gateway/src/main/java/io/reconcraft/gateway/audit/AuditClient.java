package io.reconcraft.gateway.audit;

import io.reconcraft.gateway.config.GatewayProperties;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/** The audit service's internal query endpoints; its answers are passed on as they are (JSON text). */
@Component
public class AuditClient {

    private static final Logger log = LoggerFactory.getLogger(AuditClient.class);

    private final WebClient client;
    private final GatewayProperties properties;

    public AuditClient(GatewayProperties properties) {
        this.client = WebClient.builder().baseUrl(properties.auditUrl()).build();
        this.properties = properties;
    }

    /** GET /audit/events with the given (non-null) parameters: the JSON array and X-Total-Count, or its 4xx. */
    public Mono<ResponseEntity<String>> events(Map<String, String> parameters) {
        return call(client.get().uri(uri -> withParameters(uri.path("/audit/events"), parameters).build()));
    }

    public Mono<ResponseEntity<String>> verify() {
        return call(client.get().uri("/audit/verify"));
    }

    private Mono<ResponseEntity<String>> call(WebClient.RequestHeadersSpec<?> request) {
        return request.accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.toEntity(String.class))
                .timeout(properties.auditTimeout())
                .onErrorMap(failure -> !(failure instanceof ResponseStatusException), failure -> {
                    log.warn("the audit service at {} did not answer: {}", properties.auditUrl(), failure.toString());
                    return unavailable();
                })
                .flatMap(answer -> answer.getStatusCode().is5xxServerError()
                        ? Mono.error(unavailable()) : Mono.just(answer));
    }

    private static UriBuilder withParameters(UriBuilder uri, Map<String, String> parameters) {
        parameters.forEach(uri::queryParam);
        return uri;
    }

    private static ResponseStatusException unavailable() {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "the audit service is not answering; try again later");
    }
}
