package io.reconcraft.findings.sorting;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.StepId;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.StepRecord;
import io.reconcraft.findings.store.StepStore;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Nodes' results arrived: their findings are sorted, the steps are stored as known (which is what a waiting report
 * step looks for) and each sorting is announced in FindingsUpdated. Safe to repeat: a redelivery sorts to the same
 * changes and announces them again. A batch of results is sorted together and its steps stored in one bulk write.
 */
@Component
@RequiredArgsConstructor
public class StepIntake {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final StepStore steps;
    private final FindingSorter sorter;
    private final EventPublisher publisher;

    public static boolean isNodeResult(String runId, StepCompleted completed) {
        return StepId.isNodeResult(runId, completed.nodeId(), completed.stepId());
    }

    /** A node's result as it arrived. */
    public record Result(EventEnvelope event, StepCompleted completed) {
    }

    /** Applies the results in order; {@code known} has what this service stored of their runs. */
    public List<StepRecord> apply(List<Result> results, Map<String, RunRecord> known) {
        if (results.isEmpty()) {
            return List.of();
        }
        List<FindingSorter.Sighting> sightings = new ArrayList<>();
        for (Result result : results) {
            RunRecord run = known.get(result.event().runId());
            sightings.add(new FindingSorter.Sighting(result.event().runId(), run == null ? null : run.workflowId(),
                    result.completed().findings(), result.event().occurredAt()));
        }
        List<List<FindingsUpdated.FindingChange>> changes = sorter.sort(sightings);
        List<StepRecord> stored = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Result result = results.get(i);
            StepCompleted completed = result.completed();
            String runId = result.event().runId();
            RunRecord run = known.get(runId);
            stored.add(new StepRecord(StepRecord.idOf(runId, completed.nodeId()), runId, completed.nodeId(),
                    completed.stepId(), completed.attempt(),
                    completed.status() == null ? null : completed.status().name().toLowerCase(Locale.ROOT),
                    StepOutcome.wireOf(completed.outcome()), completed.findings(), covered(run, completed), changes.get(i),
                    result.event().occurredAt()));
        }
        steps.saveAll(stored).block(TIMEOUT);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (!changes.get(i).isEmpty()) {
                StepCompleted completed = results.get(i).completed();
                sent.add(publisher.publishAsync(EventEnvelope.of(results.get(i).event().runId(),
                        new FindingsUpdated(completed.stepId(), completed.nodeId(), changes.get(i), List.of()))));
            }
        }
        Publishing.await(sent);
        return stored;
    }

    private static List<String> covered(RunRecord run, StepCompleted completed) {
        RunRecord.NodeInfo node = run == null ? null : run.nodes().get(completed.nodeId());
        boolean repositoryScan = node != null && NodeKind.GITLEAKS.wireName().equals(node.kind());
        // A repository scan covers its repository, never the run's host targets.
        return Coverage.of(run == null || repositoryScan ? List.of() : run.targets(),
                node == null ? List.of() : node.targets(), completed.findings(), completed.outputs());
    }
}
