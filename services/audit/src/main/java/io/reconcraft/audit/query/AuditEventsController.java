package io.reconcraft.audit.query;

import io.reconcraft.audit.config.AuditProperties;
import io.reconcraft.audit.store.AuditStore;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Internal read access for tests and operators, on the audit service's own port. Read only. */
@RestController
@RequestMapping("/audit/events")
public class AuditEventsController {

    private final AuditStore store;
    private final AuditProperties properties;

    public AuditEventsController(AuditStore store, AuditProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Records ordered by {@code occurredAt}; all runs when {@code runId} is absent. */
    @GetMapping
    Flux<AuditEventView> events(@RequestParam(required = false) String runId,
                                @RequestParam(required = false) Integer limit) {
        int max = properties.maxResults();
        if (limit != null && (limit < 1 || limit > max)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + max);
        }
        return store.findByRun(runId, limit == null ? max : limit).map(AuditEventView::of);
    }

    @GetMapping("/count")
    Mono<Map<String, Long>> count(@RequestParam(required = false) String runId) {
        return store.countByRun(runId).map(count -> Map.of("count", count));
    }
}
