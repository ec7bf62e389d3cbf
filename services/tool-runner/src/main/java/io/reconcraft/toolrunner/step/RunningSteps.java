package io.reconcraft.toolrunner.step;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The step attempts this instance holds right now, by step id and attempt, so that a cancel can find them. */
@Component
public class RunningSteps {

    private final Map<String, RunningStep> steps = new ConcurrentHashMap<>();

    RunningStep add(String stepId, int attempt) {
        RunningStep step = new RunningStep();
        steps.put(keyOf(stepId, attempt), step);
        return step;
    }

    void remove(String stepId, int attempt) {
        steps.remove(keyOf(stepId, attempt));
    }

    /** True when this instance held the attempt and the cancel reached it before it ended. */
    boolean cancel(String stepId, int attempt, String reason) {
        RunningStep step = steps.get(keyOf(stepId, attempt));
        return step != null && step.cancel(reason);
    }

    public int size() {
        return steps.size();
    }

    private static String keyOf(String stepId, int attempt) {
        return stepId + ":" + attempt;
    }
}
