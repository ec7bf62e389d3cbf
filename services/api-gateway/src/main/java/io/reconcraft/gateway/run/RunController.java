package io.reconcraft.gateway.run;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.error.ApiException;
import java.security.Principal;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/runs")
@RequiredArgsConstructor
public class RunController {

    static final String TOTAL_COUNT = "X-Total-Count";
    private static final int MAX_LOG_LINES = 10_000;

    private final RunLauncher launcher;
    private final RunQueries runs;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<RunView> run(@RequestBody RunRequest request, Principal principal) {
        return launcher.runSaved(request, principal.getName());
    }

    @PostMapping("/execute")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ExecuteResponse> execute(@RequestBody ExecuteRequest request, Principal principal) {
        return launcher.runInline(request, principal.getName())
                .map(run -> new ExecuteResponse(run.id(), run.status(), "run queued with " + run.steps().size()
                        + " step(s); poll GET /api/runs/" + run.id()));
    }

    @GetMapping
    public Mono<ResponseEntity<List<RunView>>> list(@RequestParam(required = false) String workflowId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            requireRange("limit", limit, 1, RunQueries.MAX_PAGE);
            requireRange("offset", offset, 0, Integer.MAX_VALUE);
            RunQueries.RunFilter filter = new RunQueries.RunFilter(workflowId, status(status));
            return Mono.zip(runs.list(filter, limit, offset).collectList(), runs.count(filter))
                    .map(page -> ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(page.getT2()))
                            .body(page.getT1()));
        });
    }

    @GetMapping("/{id}")
    public Mono<RunView> get(@PathVariable String id) {
        return runs.get(id);
    }

    @GetMapping("/{id}/logs")
    public Mono<RunLogs> logs(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "1000") int limit) {
        return Mono.defer(() -> {
            requireRange("offset", offset, 0, Integer.MAX_VALUE);
            requireRange("limit", limit, 1, MAX_LOG_LINES);
            return runs.logs(id, offset, limit);
        });
    }

    private static RunStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RunStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", e.getMessage());
        }
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.invalid(field, "must be between " + min + " and " + max);
        }
    }
}
