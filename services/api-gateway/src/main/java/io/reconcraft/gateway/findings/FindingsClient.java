package io.reconcraft.gateway.findings;

import io.reconcraft.gateway.error.ApiException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The findings service's internal API (findings, diffs, reports). Its answers are passed on as they are: status,
 * body and the headers a client needs (content type, total count, download name); a silent or failing service is 503.
 */
@Component
public class FindingsClient {

    private static final Logger log = LoggerFactory.getLogger(FindingsClient.class);
    static final String TOTAL_COUNT = "X-Total-Count";
    private static final int MAX_PARAMETER_LENGTH = 200;

    private final WebClient client;
    private final FindingsServiceProperties properties;

    public FindingsClient(FindingsServiceProperties properties) {
        this.client = WebClient.builder().baseUrl(properties.findingsUrl())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        this.properties = properties;
    }

    public Mono<ResponseEntity<byte[]>> get(String path, Map<String, String> parameters, Object... variables) {
        return call(client.get().uri(uri -> {
            uri.path(path);
            parameters.forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    // the findings service checks the values; only their size is bounded here
                    uri.queryParam(name, value.length() > MAX_PARAMETER_LENGTH ? value.substring(0, MAX_PARAMETER_LENGTH)
                            : value);
                }
            });
            return uri.build(variables);
        }));
    }

    public Mono<ResponseEntity<byte[]>> send(HttpMethod method, String path, Object body, Object... variables) {
        return call(client.method(method).uri(path, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    private Mono<ResponseEntity<byte[]>> call(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.toEntity(byte[].class))
                .timeout(properties.findingsTimeout())
                .onErrorMap(failure -> !(failure instanceof ApiException), failure -> {
                    log.warn("the findings service at {} did not answer: {}", properties.findingsUrl(), failure.toString());
                    return unavailable();
                })
                .flatMap(answer -> answer.getStatusCode().is5xxServerError() ? Mono.error(unavailable())
                        : Mono.just(passOn(answer)));
    }

    /** Status, body and the headers that matter, as the findings service gave them; its 4xx problems stay problems. */
    static ResponseEntity<byte[]> passOn(ResponseEntity<byte[]> answer) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.getStatusCode());
        MediaType type = answer.getHeaders().getContentType();
        if (answer.getStatusCode().isError()) {
            type = MediaType.APPLICATION_PROBLEM_JSON;
        }
        if (type != null) {
            reply.contentType(type);
        }
        for (String header : new String[] {TOTAL_COUNT, HttpHeaders.CONTENT_DISPOSITION}) {
            String value = answer.getHeaders().getFirst(header);
            if (value != null) {
                reply.header(header, value);
            }
        }
        byte[] body = answer.getBody();
        return reply.header(HttpHeaders.CACHE_CONTROL, "no-store").body(body == null ? new byte[0] : body);
    }

    private static ApiException unavailable() {
        return ApiException.unavailable(
                "the findings service is not answering; try again later");
    }
}
