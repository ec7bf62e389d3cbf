package io.reconcraft.findings.sorting;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.findings.store.FindingRecord;
import io.reconcraft.findings.store.FindingStore;
import io.reconcraft.findings.store.RunRecord;
import io.reconcraft.findings.store.StepRecord;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
public class RunResolver {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final Set<String> TOOL_KINDS = Arrays.stream(NodeKind.values())
            .filter(kind -> kind.executor() == NodeKind.Executor.TOOL_RUNNER).map(NodeKind::wireName)
            .collect(Collectors.toUnmodifiableSet());

    private final FindingStore store;

    public Flux<FindingRecord> preview(RunRecord run, String runId, Collection<StepRecord> steps, Instant now) {
        Instant since = run != null && run.startedAt() != null ? run.startedAt() : now;
        Map<String, List<String>> covered = covered(run, steps);
        return store.candidatesOf(covered, List.of(runId))
                .filter(record -> resolves(record, runId, covered, since) || resolvedBy(record, runId));
    }

    /** Open, of a tool on a target the run covered, not seen by the run nor by any run since it started. */
    private static boolean resolves(FindingRecord record, String runId, Map<String, List<String>> covered, Instant since) {
        return FindingRecord.OPEN.equals(record.state())
                && covered.getOrDefault(record.tool(), List.of()).contains(record.target())
                && record.entryOf(runId).isEmpty()
                && (record.lastSeenAt() == null || !record.lastSeenAt().isAfter(since));
    }

    private static boolean resolvedBy(FindingRecord record, String runId) {
        return record.entryOf(runId).filter(entry -> FindingRecord.RESOLVED.equals(entry.change())).isPresent();
    }

    /** A run that ended, with what this service knows of it and its steps. */
    public record Ended(String runId, RunRecord run, Collection<StepRecord> steps, Instant at) {
    }

    /**
     * Resolves, once, what each ended run resolves, in the order given, and adds each run's workflow to what it
     * touched: one round trip of reads and two bulk writes (the history entries moved off the records, then the
     * records) for all of them. Answers, per ended run in the order given, the ids
     * it resolved (also those resolved by an earlier delivery). A record changed by someone since it was read was
     * seen by someone: this run does not resolve it. What is read is bounded by the runs' own findings and the open
     * ones on their targets, with the runs' own history entries only.
     */
    public List<List<String>> apply(List<Ended> ended) {
        Map<String, Set<String>> coveredTargets = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> coveredByRun = new LinkedHashMap<>();
        for (Ended run : ended) {
            Map<String, List<String>> covered = covered(run.run(), run.steps());
            coveredByRun.put(run.runId(), covered);
            covered.forEach((tool, targets) -> coveredTargets.computeIfAbsent(tool, t -> new LinkedHashSet<>())
                    .addAll(targets));
        }
        List<String> runIds = ended.stream().map(Ended::runId).distinct().toList();
        Map<String, FindingRecord> current = new LinkedHashMap<>();
        store.candidatesOf(coveredTargets, runIds).doOnNext(record -> current.put(record.id(), record)).then()
                .block(TIMEOUT);
        Map<String, FindingRecord> read = new LinkedHashMap<>(current);

        List<List<String>> resolvedByRun = new ArrayList<>();
        Map<String, List<FindingRecord.HistoryEntry>> resolutions = new LinkedHashMap<>();
        Map<String, Set<String>> workflowsOfResolved = new LinkedHashMap<>();
        for (Ended run : ended) {
            String runId = run.runId();
            Instant since = run.run() != null && run.run().startedAt() != null ? run.run().startedAt() : run.at();
            Set<String> resolved = new LinkedHashSet<>();
            for (Map.Entry<String, List<String>> tool : coveredByRun.get(runId).entrySet()) {
                for (FindingRecord record : List.copyOf(current.values())) {
                    if (tool.getKey().equals(record.tool())
                            && resolves(record, runId, Map.of(tool.getKey(), tool.getValue()), since)) {
                        current.put(record.id(), record.resolvedBy(runId, run.at()));
                        resolutions.computeIfAbsent(record.id(), id -> new ArrayList<>())
                                .add(new FindingRecord.HistoryEntry(runId, run.at(), FindingRecord.RESOLVED));
                        if (workflowOf(run) != null) {
                            workflowsOfResolved.computeIfAbsent(record.id(), id -> new LinkedHashSet<>())
                                    .add(workflowOf(run));
                        }
                        resolved.add(record.id());
                    }
                }
            }
            // resolved by an earlier delivery of this run's end (or an earlier one in this batch)
            for (FindingRecord record : current.values()) {
                if (resolvedBy(record, runId)) {
                    resolved.add(record.id());
                }
            }
            resolvedByRun.add(new ArrayList<>(resolved));
        }

        List<FindingStore.Change> changes = new ArrayList<>();
        resolutions.forEach((id, entries) -> {
            Update update = new Update().set("state", FindingRecord.RESOLVED).set("lastChange", FindingRecord.RESOLVED)
                    .set("resolvedAt", entries.get(entries.size() - 1).at());
            Set<String> workflows = workflowsOfResolved.getOrDefault(id, Set.of());
            if (!workflows.isEmpty()) {
                update.addToSet("workflowIds").each(workflows.toArray());
            }
            changes.add(FindingStore.Change.recording(read.get(id), entries, update));
        });
        // what the runs saw (stored before they ended) is tagged with their workflows whatever its version
        Map<String, Set<String>> workflowsOfSeen = new LinkedHashMap<>();
        for (Ended run : ended) {
            String workflowId = workflowOf(run);
            if (workflowId == null) {
                continue;
            }
            for (FindingRecord record : read.values()) {
                if (record.entryOf(run.runId()).isPresent() && !record.workflowIds().contains(workflowId)) {
                    workflowsOfSeen.computeIfAbsent(record.id(), id -> new LinkedHashSet<>()).add(workflowId);
                }
            }
        }
        workflowsOfSeen.forEach((id, workflows) -> changes.add(new FindingStore.Change(id, null,
                new Update().addToSet("workflowIds").each(workflows.toArray()))));
        if (!Boolean.TRUE.equals(store.write(List.of(), changes).block(TIMEOUT)) && !resolutions.isEmpty()) {
            // some record changed meanwhile: what each run resolved is what is stored as its resolution
            Map<String, FindingRecord> stored = new LinkedHashMap<>();
            store.touchedBy(runIds).doOnNext(record -> stored.put(record.id(), record)).then().block(TIMEOUT);
            for (int i = 0; i < ended.size(); i++) {
                String runId = ended.get(i).runId();
                resolvedByRun.get(i).removeIf(id -> resolutions.containsKey(id)
                        && (stored.get(id) == null || !resolvedBy(stored.get(id), runId)));
            }
        }
        return resolvedByRun;
    }

    private static String workflowOf(Ended run) {
        return run.run() == null ? null : run.run().workflowId();
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
