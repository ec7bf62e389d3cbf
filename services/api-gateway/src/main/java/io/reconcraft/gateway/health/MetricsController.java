package io.reconcraft.gateway.health;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.auth.ApiKeyService;
import io.reconcraft.gateway.store.RunStore;
import io.reconcraft.gateway.store.TargetRepository;
import io.reconcraft.gateway.store.WorkflowRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The Studio's dashboard figures. */
@RestController
@RequiredArgsConstructor
public class MetricsController {

    private final WorkflowRepository workflows;
    private final TargetRepository targets;
    private final ApiKeyService keys;
    private final RunStore runs;

    @GetMapping("/api/metrics")
    public Mono<DashboardMetrics> metrics() {
        Mono<Map<String, Long>> byStatus = Flux.fromArray(RunStatus.values())
                .concatMap(status -> runs.count(null, status)
                        .map(count -> Map.entry(status.wireName(), count)))
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
        return Mono.zip(workflows.count(), runs.count(null, null), byStatus,
                        keys.countActive(), targets.count())
                .map(t -> new DashboardMetrics(t.getT1(), t.getT2(), t.getT3(), successRate(t.getT3()), t.getT4(),
                        t.getT5()));
    }

    /** Percentage of finished runs that succeeded, 0 when none has finished. */
    private static double successRate(Map<String, Long> byStatus) {
        long succeeded = byStatus.getOrDefault(RunStatus.SUCCEEDED.wireName(), 0L);
        long finished = succeeded + byStatus.getOrDefault(RunStatus.FAILED.wireName(), 0L);
        return finished == 0 ? 0.0 : Math.round(succeeded * 1000.0 / finished) / 10.0;
    }

    public record DashboardMetrics(long totalWorkflows, long totalRuns, Map<String, Long> runsByStatus,
            double successRate, long activeApiKeys, long authorizedTargetsCount) {
    }
}
