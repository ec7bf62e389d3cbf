package io.reconcraft.findings.sorting;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import io.reconcraft.findings.store.RunStore;
import io.reconcraft.findings.store.StepStore;
import io.reconcraft.messaging.EventPublisher;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A run ended: what it covered and did not see again is resolved (once: the run's history entry on each record
 * guards it), its findings are tagged with its workflow, and the resolutions are announced.
 */
@Component
public class RunEnd {

    private final RunStore runs;
    private final StepStore steps;
    private final FindingStore findings;
    private final RunResolver resolver;
    private final EventPublisher publisher;

    public RunEnd(RunStore runs, StepStore steps, FindingStore findings, RunResolver resolver,
                  EventPublisher publisher) {
        this.runs = runs;
        this.steps = steps;
        this.findings = findings;
        this.resolver = resolver;
        this.publisher = publisher;
    }

    public Mono<List<String>> apply(EventEnvelope event, RunCompleted completed) {
        String runId = event.runId();
        String status = completed.status() == null ? null : completed.status().name().toLowerCase(Locale.ROOT);
        return runs.completed(runId, status, event.occurredAt())
                .then(runs.byId(runId))
                .flatMap(run -> steps.ofRun(runId).collectList()
                        .flatMap(known -> resolver.apply(run, runId, known, event.occurredAt()))
                        .flatMap(resolved -> findings.touchedBy(runId).map(FindingRecord::id).collectList()
                                .flatMap(ids -> findings.addWorkflow(ids, run.workflowId()))
                                .then(Mono.fromRunnable(() -> publisher.publish(runId,
                                        new FindingsUpdated(null, null, List.of(), resolved))))
                                .then(runs.resolvedApplied(runId))
                                .thenReturn(resolved)));
    }
}
