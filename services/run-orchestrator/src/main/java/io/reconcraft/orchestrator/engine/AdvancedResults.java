package io.reconcraft.orchestrator.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The results of steps this instance ran itself and advanced their runs past, on the thread that stored them. When
 * the StepCompleted comes back from run-events there is nothing left to apply or advance, so it is passed over
 * without reading the run. After a restart this memory is empty and such a result is read and advanced as any other,
 * which is what catches up a run whose advance a crash interrupted. Bounded: entries of results that never come back
 * are forgotten after enough newer ones.
 */
@Component
class AdvancedResults {

    private static final int MAX = 10_000;

    private final Map<String, Boolean> advanced = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX;
        }
    };

    synchronized void add(String stepId, int attempt) {
        advanced.put(stepId + "#" + attempt, Boolean.TRUE);
    }

    /** Whether {@code stepId}'s {@code attempt} was advanced past here; true once. */
    synchronized boolean take(String stepId, int attempt) {
        return advanced.remove(stepId + "#" + attempt) != null;
    }
}
