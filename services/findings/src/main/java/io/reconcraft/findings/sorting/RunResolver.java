package io.reconcraft.findings.sorting;

import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.StepRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a run resolves: open findings of a tool on a target that a succeeded step of that tool covered in the run,
 * which the run did not see, and which no later run has seen. {@link #preview} answers it for the steps done so far
 * (a report step's view) without writing; {@link #apply} writes it once the run has ended.
 */
@Component
public class RunResolver {

    static final Set<String> TOOL_KINDS = Set.of("nmap", "http-probe", "gitleaks", "parser");

    private final FindingStore store;

    public RunResolver(FindingStore store) {
        this.store = store;
    }

    public Flux<FindingRecord> preview(RunRecord run, String runId, Collection<StepRecord> steps, Instant now) {
        Instant since = run != null && run.startedAt() != null ? run.startedAt() : now;
        Map<String, FindingRecord> candidates = new LinkedHashMap<>();
        return Flux.fromIterable(covered(run, steps).entrySet())
                .concatMap(entry -> store.openOf(entry.getKey(), entry.getValue()))
                .filter(record -> record.entryOf(runId).isEmpty())
                .filter(record -> record.lastSeenAt() == null || !record.lastSeenAt().isAfter(since))
                .filter(record -> candidates.putIfAbsent(record.id(), record) == null)
                .concatWith(store.touchedBy(runId).filter(record -> record.entryOf(runId)
                        .filter(entry -> FindingRecord.RESOLVED.equals(entry.change())).isPresent()));
    }

    /** Resolves, once, and answers the ids the run resolved (also those resolved by an earlier delivery). */
    public Mono<List<String>> apply(RunRecord run, String runId, Collection<StepRecord> steps, Instant at) {
        return preview(run, runId, steps, at)
                .concatMap(record -> record.entryOf(runId).isPresent() ? Mono.just(record.id()) : resolve(record, runId, at))
                .distinct()
                .collectList();
    }

    private Mono<String> resolve(FindingRecord record, String runId, Instant at) {
        Update update = new Update().set("state", FindingRecord.RESOLVED).set("lastChange", FindingRecord.RESOLVED)
                .set("resolvedAt", at).push("history", new FindingRecord.HistoryEntry(runId, at, FindingRecord.RESOLVED));
        Criteria stillOpen = Criteria.where("state").is(FindingRecord.OPEN);
        // A record changed meanwhile was seen by someone: not resolved by this run.
        return store.updateIfUnchanged(record, stillOpen, update).filter(Boolean::booleanValue).map(done -> record.id());
    }

    /** Tool → the targets its succeeded steps covered in the run. */
    static Map<String, List<String>> covered(RunRecord run, Collection<StepRecord> steps) {
        Map<String, java.util.LinkedHashSet<String>> byTool = new LinkedHashMap<>();
        for (StepRecord step : steps) {
            String kind = kindOf(run, step);
            if (!step.succeeded() || kind == null || !TOOL_KINDS.contains(kind)) {
                continue;
            }
            byTool.computeIfAbsent(kind, k -> new java.util.LinkedHashSet<>()).addAll(step.covered());
        }
        Map<String, List<String>> covered = new LinkedHashMap<>();
        byTool.forEach((tool, targets) -> covered.put(tool, List.copyOf(targets)));
        return covered;
    }

    private static String kindOf(RunRecord run, StepRecord step) {
        RunRecord.NodeInfo node = run == null ? null : run.nodes().get(step.nodeId());
        if (node != null) {
            return node.kind();
        }
        // The run's request has not arrived here: the step's findings name their tool.
        return step.findings().stream().map(io.reconcraft.events.model.Finding::tool).filter(t -> t != null)
                .findFirst().orElse(null);
    }
}
