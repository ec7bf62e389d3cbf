package io.reconcraft.findings.sorting;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.RunStore;
import io.reconcraft.findings.store.StepRecord;
import io.reconcraft.findings.store.StepStore;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Runs ended: what each covered and did not see again is resolved (once: the run's history entry of each record
 * guards it), its findings are tagged with its workflow, the run is stored as ended and the resolutions are
 * announced. A batch of ends costs the same few round trips as one: the runs' steps in one query, the candidates in
 * one round trip, the findings' changes in one bulk write (after filing the history entries they move) and the
 * runs' ends in another.
 */
@Component
@RequiredArgsConstructor
public class RunEnd {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RunStore runs;
    private final StepStore steps;
    private final RunResolver resolver;
    private final EventPublisher publisher;

    /** A run's end as it arrived. */
    public record End(EventEnvelope event, RunCompleted completed) {
    }

    /**
     * Applies the ends in order; {@code known} has what this service stored of the runs (a run whose request
     * never arrived here ends with what its steps say). Answers the ids each end resolved.
     */
    public List<List<String>> apply(List<End> ends, Map<String, RunRecord> known) {
        if (ends.isEmpty()) {
            return List.of();
        }
        Set<String> runIds = new LinkedHashSet<>();
        ends.forEach(end -> runIds.add(end.event().runId()));
        Map<String, List<StepRecord>> stepsByRun = steps.ofRuns(runIds).block(TIMEOUT);
        List<RunResolver.Ended> ended = new ArrayList<>();
        List<RunStore.Completed> completed = new ArrayList<>();
        for (End end : ends) {
            String runId = end.event().runId();
            String status = end.completed().status() == null ? null
                    : end.completed().status().name().toLowerCase(Locale.ROOT);
            RunRecord run = known.get(runId);
            if (run == null) {
                run = new RunRecord(runId, null, null, null, null, null, end.event().occurredAt(), status, false);
            }
            ended.add(new RunResolver.Ended(runId, run, stepsByRun.getOrDefault(runId, List.of()),
                    end.event().occurredAt()));
            completed.add(new RunStore.Completed(runId, status, end.event().occurredAt()));
        }
        List<List<String>> resolved = resolver.apply(ended);
        runs.completedAll(completed).block(TIMEOUT);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            sent.add(publisher.publishAsync(EventEnvelope.of(ends.get(i).event().runId(),
                    new FindingsUpdated(null, null, List.of(), resolved.get(i)))));
        }
        Publishing.await(sent);
        return resolved;
    }
}
