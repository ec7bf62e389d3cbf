package io.reconcraft.orchestrator.engine;

import io.reconcraft.messaging.BoundedMaps;
import java.util.Map;
import java.util.Optional;

/** Values kept per step attempt, at most {@code max} of them: the oldest are forgotten first. Thread-safe. */
final class StepAttemptMemory<V> {

    private final Map<String, V> values;

    StepAttemptMemory(int max) {
        this.values = BoundedMaps.forgettingOldest(max);
    }

    void put(String stepId, int attempt, V value) {
        values.put(key(stepId, attempt), value);
    }

    /** The value of {@code stepId}'s {@code attempt}, once. */
    Optional<V> take(String stepId, int attempt) {
        return Optional.ofNullable(values.remove(key(stepId, attempt)));
    }

    private static String key(String stepId, int attempt) {
        return stepId + "#" + attempt;
    }
}
