package io.reconcraft.gateway.run;

import io.reconcraft.events.model.RunStatus;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.gateway.store.RunStore;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the run read model, as the API shows them. */
@Service
@RequiredArgsConstructor
public class RunQueries {

    public static final int MAX_PAGE = 500;

    private final RunStore runs;
    private final QueuePositions queuePositions;

    public Mono<RunView> get(String id) {
        return runs.findShown(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("run", id)))
                .flatMap(run -> run.status() == RunStatus.QUEUED ? withQueuePosition(run) : Mono.just(run));
    }

    /** A queued run with its place in its admission group's queue (see {@link QueuePositions}). */
    private Mono<RunView> withQueuePosition(RunView run) {
        if (run.admissionGroup() == null || run.startedAt() == null) {
            return Mono.just(run);
        }
        return queuePositions.placeOf(run).map(run::withQueuePosition);
    }

    public Mono<Boolean> exists(String id) {
        return runs.exists(id);
    }

    public Flux<RunView> list(RunFilter filter, int limit, int offset) {
        return runs.list(filter.workflowId(), filter.status(), limit, offset);
    }

    public Mono<Long> count(RunFilter filter) {
        return runs.count(filter.workflowId(), filter.status());
    }

    public Mono<RunLogs> logs(String id, int offset, int limit) {
        return get(id).map(run -> {
            List<String> lines = new ArrayList<>();
            for (StepView step : run.steps()) {
                step.logs().forEach(line -> lines.add("[" + step.name() + "] " + line));
            }
            int from = Math.min(offset, lines.size());
            int to = (int) Math.min((long) from + limit, lines.size());
            return new RunLogs(List.copyOf(lines.subList(from, to)), to < lines.size());
        });
    }

    /** Optional filters of GET /api/runs. */
    public record RunFilter(String workflowId, RunStatus status) {
    }
}
