package io.reconcraft.gateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** GET /api/audit and /api/audit/verify for admins, answered by the audit service. */
@RestController
@RequestMapping("/api/audit")
@RequiredArgsConstructor
public class AuditController {

    static final String TOTAL_COUNT = "X-Total-Count";
    private static final int MAX_PARAMETER_LENGTH = 200;

    private final AuditClient audit;

    @GetMapping
    public Mono<ResponseEntity<String>> events(@RequestParam(required = false) String runId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String type,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "runId", runId);
        put(parameters, "actor", actor);
        put(parameters, "type", type);
        put(parameters, "from", from);
        put(parameters, "to", to);
        put(parameters, "limit", limit);
        put(parameters, "offset", offset);
        return audit.events(parameters).map(AuditController::passOn);
    }

    /** {@code ?full=true} has the audit service re-read the whole chain, as its background pass does. */
    @GetMapping("/verify")
    public Mono<ResponseEntity<String>> verify(@RequestParam(defaultValue = "false") boolean full) {
        return audit.verify(full).map(AuditController::passOn);
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            // The audit service checks the values; only their size is bounded here.
            parameters.put(name, value.length() > MAX_PARAMETER_LENGTH ? value.substring(0, MAX_PARAMETER_LENGTH)
                    : value);
        }
    }

    /** Status, body and the total count as the audit service gave them; its 4xx problems stay problems. */
    private static ResponseEntity<String> passOn(ResponseEntity<String> answer) {
        MediaType type = answer.getStatusCode().isError() ? MediaType.APPLICATION_PROBLEM_JSON
                : MediaType.APPLICATION_JSON;
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.getStatusCode()).contentType(type);
        String total = answer.getHeaders().getFirst(TOTAL_COUNT);
        if (total != null) {
            reply.header(TOTAL_COUNT, total);
        }
        return reply.header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer.getBody() == null ? "" : answer.getBody());
    }
}
