package io.reconcraft.orchestrator.admission;

import io.reconcraft.orchestrator.store.RunDocument;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs waiting to be admitted: one first-in first-out queue per admission group. The next run comes from the
 * group with the fewest runs running (fair share), groups with as many taking turns, so a new submitter's run is
 * admitted before the next run of a backlog that already has runs going. Not thread-safe: {@link RunAdmission}
 * guards it.
 */
final class AdmissionQueue {

    private final Map<String, ArrayDeque<String>> byGroup = new LinkedHashMap<>();
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private final Set<String> waiting = new HashSet<>();
    private final Map<String, RunDocument> documents = new HashMap<>();

    /** False when the run is already waiting. */
    boolean add(String runId, String group) {
        return add(runId, group, null);
    }

    /**
     * False when the run is already waiting. {@code queued}: the run as stored, when known here (the admission then
     * needs no read of it), else null.
     */
    boolean add(String runId, String group, RunDocument queued) {
        if (!waiting.add(runId)) {
            return false;
        }
        if (queued != null) {
            documents.put(runId, queued);
        }
        ArrayDeque<String> queue = byGroup.computeIfAbsent(group, g -> new ArrayDeque<>());
        if (queue.isEmpty()) {
            turns.addLast(group);
        }
        queue.addLast(runId);
        return true;
    }

    /** The next run to admit: the oldest of the group with the fewest running runs, earliest in turn on a tie. */
    Optional<Waiting> next(Map<String, Integer> runningByGroup) {
        String chosen = null;
        int fewest = Integer.MAX_VALUE;
        for (String group : turns) {
            int running = runningByGroup.getOrDefault(group, 0);
            if (running < fewest) {
                chosen = group;
                fewest = running;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        turns.remove(chosen);
        ArrayDeque<String> queue = byGroup.get(chosen);
        String runId = queue.pollFirst();
        if (queue.isEmpty()) {
            byGroup.remove(chosen);
        } else {
            turns.addLast(chosen);
        }
        waiting.remove(runId);
        return Optional.of(new Waiting(runId, chosen, documents.remove(runId)));
    }

    /** A run to admit; {@code queued} as stored when known here, else null. */
    record Waiting(String runId, String group, RunDocument queued) {
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }
}
