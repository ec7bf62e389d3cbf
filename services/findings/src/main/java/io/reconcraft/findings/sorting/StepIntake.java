package io.reconcraft.findings.sorting;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.RunStore;
import io.reconcraft.findings.store.StepRecord;
import io.reconcraft.findings.store.StepStore;
import io.reconcraft.messaging.EventPublisher;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A node's result arrived: its findings are sorted, the step is stored as known (which is what a waiting report
 * step looks for) and the sorting is announced in FindingsUpdated. Safe to repeat: a redelivery sorts to the same
 * changes and announces them again.
 */
@Component
public class StepIntake {

    private final RunStore runs;
    private final StepStore steps;
    private final FindingSorter sorter;
    private final EventPublisher publisher;

    public StepIntake(RunStore runs, StepStore steps, FindingSorter sorter, EventPublisher publisher) {
        this.runs = runs;
        this.steps = steps;
        this.sorter = sorter;
        this.publisher = publisher;
    }

    public static boolean isNodeResult(String runId, StepCompleted completed) {
        return StepId.isNodeResult(runId, completed.nodeId(), completed.stepId());
    }

    public Mono<StepRecord> apply(EventEnvelope event, StepCompleted completed) {
        String runId = event.runId();
        return runs.byId(runId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(run -> sorter.sort(runId, run.map(RunRecord::workflowId).orElse(null), completed.findings(),
                                event.occurredAt())
                        .flatMap(changes -> {
                            StepRecord step = new StepRecord(StepRecord.idOf(runId, completed.nodeId()), runId,
                                    completed.nodeId(), completed.stepId(), completed.attempt(),
                                    completed.status() == null ? null : completed.status().name().toLowerCase(Locale.ROOT),
                                    completed.outcome(), completed.findings(), covered(run.orElse(null), completed),
                                    changes, event.occurredAt());
                            return steps.save(step).then(Mono.fromRunnable(() -> announce(runId, completed, changes)))
                                    .thenReturn(step);
                        }));
    }

    private void announce(String runId, StepCompleted completed, List<FindingsUpdated.FindingChange> changes) {
        if (!changes.isEmpty()) {
            publisher.publish(runId, new FindingsUpdated(completed.stepId(), completed.nodeId(), changes, List.of()));
        }
    }

    private static List<String> covered(RunRecord run, StepCompleted completed) {
        RunRecord.NodeInfo node = run == null ? null : run.nodes().get(completed.nodeId());
        boolean repositoryScan = node != null && "gitleaks".equals(node.kind());
        // A repository scan covers its repository, never the run's host targets.
        return Coverage.of(run == null || repositoryScan ? List.of() : run.targets(),
                node == null ? List.of() : node.targets(), completed.findings(), completed.outputs());
    }
}
