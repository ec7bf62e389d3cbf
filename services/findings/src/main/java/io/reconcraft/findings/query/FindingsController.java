package io.reconcraft.findings.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.reconcraft.findings.config.FindingsProperties;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import io.reconcraft.findings.triage.TriageService;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Internal HTTP API on the findings service's own port, read by the gateway ({@code /api/findings},
 * {@code /api/runs/{id}/diff}); the gateway checks who may call what and passes the caller's key id on.
 */
@RestController
@RequiredArgsConstructor
public class FindingsController {

    static final String TOTAL_COUNT = "X-Total-Count";

    private final FindingStore store;
    private final TriageService triage;
    private final FindingsProperties properties;

    @GetMapping("/findings")
    Mono<ResponseEntity<List<FindingView>>> list(@RequestParam(required = false) String severity,
            @RequestParam(required = false) String state, @RequestParam(required = false) String triage,
            @RequestParam(required = false) String target, @RequestParam(required = false) String tool,
            @RequestParam(required = false) String workflowId, @RequestParam(required = false) String runId,
            @RequestParam(required = false) String change, @RequestParam(required = false) String since,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        FindingQuery query = FindingQuery.parse(severity, state, triage, target, tool, workflowId, runId, change, since,
                limit, offset, properties.defaultLimit(), properties.maxLimit());
        if (query.runId() != null) {
            // The findings of one run and their change in it are in its history entries: sorted and paged here.
            return store.touchedBy(query.runId()).collectMap(FindingRecord::id, record -> changeIn(record, query.runId()))
                    .flatMap(changes -> changes.isEmpty() ? Mono.just(List.<FindingView>of())
                            : store.find(and(query.criteria(), where("_id").in(changes.keySet())), 0, Integer.MAX_VALUE)
                                    .map(record -> FindingView.of(record, changes.get(record.id()), false))
                                    .filter(view -> query.change() == null || query.change().equals(view.change()))
                                    .collectList())
                    .map(all -> page(all.stream().skip(query.offset()).limit(query.limit()).toList(), all.size()));
        }
        return Mono.zip(store.find(query.criteria(), query.offset(), query.limit())
                                .map(record -> FindingView.of(record, record.lastChange(), false)).collectList(),
                        store.count(query.criteria()))
                .map(found -> page(found.getT1(), found.getT2()));
    }

    @GetMapping("/findings/{id}")
    Mono<FindingView> one(@PathVariable String id) {
        return store.byId(id).map(record -> FindingView.of(record, record.lastChange(), true))
                .switchIfEmpty(Mono.error(() -> notFound("finding", id)));
    }

    /** Body {@code {triage, note?, by?}}; {@code by} is the caller's key id, given by the gateway. */
    @PatchMapping("/findings/{id}")
    Mono<FindingView> triage(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> input = body == null ? Map.of() : body;
        Object wanted = input.get("triage");
        if (!(wanted instanceof String value) || !FindingQuery.TRIAGES.contains(value)) {
            throw new BadRequest("triage", "must be one of accepted_risk, confirmed, false_positive, fixed, untriaged");
        }
        Object note = input.get("note");
        if (note != null && !(note instanceof String)) {
            throw new BadRequest("note", "must be a string");
        }
        if (note != null && ((String) note).length() > 2000) {
            throw new BadRequest("note", "must be at most 2000 characters");
        }
        Object by = input.get("by");
        return triage.triage(id, value, (String) note, by == null ? null : by.toString())
                .map(record -> FindingView.of(record, record.lastChange(), true))
                .switchIfEmpty(Mono.error(() -> notFound("finding", id)));
    }

    @GetMapping("/runs/{id}/diff")
    Mono<Map<String, Object>> diff(@PathVariable String id) {
        return store.touchedBy(id).collectList().map(records -> {
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("runId", id);
            for (String change : List.of("new", "reopened", "unchanged", "resolved")) {
                diff.put(change, records.stream().filter(record -> change.equals(changeIn(record, id)))
                        .sorted(Comparator.comparing(FindingRecord::id))
                        .map(record -> FindingView.of(record, change, false)).toList());
            }
            return diff;
        });
    }

    private static Criteria and(Criteria filters, Criteria ofRun) {
        return filters.getCriteriaObject().isEmpty() ? ofRun : new Criteria().andOperator(filters, ofRun);
    }

    private static String changeIn(FindingRecord record, String runId) {
        return record.entryOf(runId).map(FindingRecord.HistoryEntry::change).orElse(null);
    }

    private static <T> ResponseEntity<List<T>> page(List<T> items, long total) {
        return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(total)).body(items);
    }

    static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " with id " + id);
    }
}
