package io.reconcraft.gateway.audit;

import io.reconcraft.gateway.config.GatewayProperties;
import io.reconcraft.gateway.error.ApiException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/** The audit service's internal query endpoints; its answers are passed on as they are (JSON text). */
@Component
public class AuditClient {

    private static final Logger log = LoggerFactory.getLogger(AuditClient.class);

    private final WebClient client;
    private final GatewayProperties properties;

    static final String SERVICE_TOKEN_HEADER = "X-Reconcraft-Service-Token";

    /** {@code serviceToken}: the credential the audit service answers (env RECONCRAFT_AUDIT_API_TOKEN). */
    public AuditClient(GatewayProperties properties,
                       @Value("${reconcraft.gateway.audit-api-token:}") String serviceToken) {
        WebClient.Builder builder = WebClient.builder().baseUrl(properties.auditUrl());
        if (serviceToken.isBlank()) {
            log.warn("reconcraft.gateway.audit-api-token is not set: the audit service will refuse the gateway");
        } else {
            builder.defaultHeader(SERVICE_TOKEN_HEADER, serviceToken.strip());
        }
        this.client = builder.build();
        this.properties = properties;
    }

    /** GET /audit/events with the given (non-null) parameters: the JSON array and X-Total-Count, or its 4xx. */
    public Mono<ResponseEntity<String>> events(Map<String, String> parameters) {
        return call(client.get().uri(uri -> withParameters(uri.path("/audit/events"), parameters).build()));
    }

    /**
     * GET /audit/verify: the records added since the last check, or with {@code full} the whole chain — which the
     * first check after the audit service starts re-reads too, so both wait as long as a full pass may take.
     */
    public Mono<ResponseEntity<String>> verify(boolean full) {
        return call(client.get().uri(full ? "/audit/verify?full=true" : "/audit/verify"), properties.auditVerifyTimeout());
    }

    private Mono<ResponseEntity<String>> call(WebClient.RequestHeadersSpec<?> request) {
        return call(request, properties.auditTimeout());
    }

    private Mono<ResponseEntity<String>> call(WebClient.RequestHeadersSpec<?> request, java.time.Duration timeout) {
        return request.accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.toEntity(String.class))
                .timeout(timeout)
                .onErrorMap(failure -> !(failure instanceof ApiException), failure -> {
                    log.warn("the audit service at {} did not answer: {}", properties.auditUrl(), failure.toString());
                    return unavailable();
                })
                .flatMap(answer -> {
                    if (answer.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                        log.error("the audit service refused the gateway's service credential (reconcraft.gateway.audit-api-token)");
                        return Mono.error(unavailable());
                    }
                    return answer.getStatusCode().is5xxServerError() ? Mono.error(unavailable()) : Mono.just(answer);
                });
    }

    private static UriBuilder withParameters(UriBuilder uri, Map<String, String> parameters) {
        parameters.forEach(uri::queryParam);
        return uri;
    }

    private static ApiException unavailable() {
        return ApiException.unavailable(
                "the audit service is not answering; try again later");
    }
}
