package io.reconcraft.audit.query;

import io.reconcraft.audit.config.AuditProperties;
import io.reconcraft.audit.store.AuditStore;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Internal read access on the audit service's own port, for the gateway's {@code GET /api/audit}. Read only.
 * Parameters are taken as text and checked here, so every bad one gets a clear 400 problem.
 */
@RestController
@RequestMapping("/audit/events")
@RequiredArgsConstructor
public class AuditEventsController {

    static final String TOTAL_COUNT = "X-Total-Count";

    private final AuditStore store;
    private final AuditProperties properties;

    /** One page of records ordered by {@code occurredAt}; the number of all matching records in X-Total-Count. */
    @GetMapping
    Mono<ResponseEntity<List<AuditEventView>>> events(@RequestParam(required = false) String runId,
                                                      @RequestParam(required = false) String actor,
                                                      @RequestParam(required = false) String type,
                                                      @RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) String limit,
                                                      @RequestParam(required = false) String offset) {
        AuditQuery query = AuditQuery.parse(runId, actor, type, from, to, limit, offset, properties.defaultLimit(),
                properties.maxResults());
        var mongoQuery = query.toMongoQuery();
        return Mono.zip(store.find(mongoQuery).map(AuditEventView::of).collectList(), store.count(mongoQuery))
                .map(page -> ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(page.getT2())).body(page.getT1()));
    }

    /** The number of matching records, with the same filters. */
    @GetMapping("/count")
    Mono<Map<String, Long>> count(@RequestParam(required = false) String runId,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) String type,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        AuditQuery query = AuditQuery.parse(runId, actor, type, from, to, null, null, 1, 1);
        return store.count(query.toMongoQuery()).map(count -> Map.of("count", count));
    }

    @ExceptionHandler(AuditQuery.BadQueryException.class)
    ResponseEntity<ProblemDetail> badQuery(AuditQuery.BadQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid query parameter");
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
