package io.reconcraft.orchestrator.store;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** The JSON text columns of a run document, written and read with the event mapper. */
public final class StepJson {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> OUTPUTS = new TypeReference<>() { };

    private StepJson() {
    }

    public static String write(Object value) {
        return EventCodec.mapper().writeValueAsString(value);
    }

    /** The step's findings; a step that ended with its only task has them in that task. */
    public static List<Finding> findings(StepDocument step) {
        if (step.findingsJson() == null) {
            return keptInItsOnlyTask(step) ? findings(step.tasks().get(0)) : List.of();
        }
        return EventCodec.mapper().readValue(step.findingsJson(), FINDINGS);
    }

    /** The step's outputs; a step that ended with its only task has them in that task. */
    public static Map<String, Object> outputs(StepDocument step) {
        if (step.outputsJson() == null) {
            return keptInItsOnlyTask(step) ? outputs(step.tasks().get(0)) : Map.of();
        }
        return EventCodec.mapper().readValue(step.outputsJson(), OUTPUTS);
    }

    /** An ended step without a result of its own whose one task has it (see RunStore#terminalWithItsOnlyTask). */
    private static boolean keptInItsOnlyTask(StepDocument step) {
        return step.isTerminal() && step.tasks().size() == 1 && step.tasks().get(0).isTerminal();
    }

    public static List<Finding> findings(TaskDocument task) {
        requireFilledIn(task);
        return task.findingsJson() == null ? List.of() : EventCodec.mapper().readValue(task.findingsJson(), FINDINGS);
    }

    public static Map<String, Object> outputs(TaskDocument task) {
        requireFilledIn(task);
        return task.outputsJson() == null ? Map.of() : EventCodec.mapper().readValue(task.outputsJson(), OUTPUTS);
    }

    /** A result kept apart is filled in wherever a run is read (TaskResultStore): never taken for an empty one. */
    private static void requireFilledIn(TaskDocument task) {
        if (task.lacksItsResult()) {
            throw new IllegalStateException("the result " + task.resultId() + " of task " + task.stepId()
                    + " was not filled in");
        }
    }

    public static WorkflowSnapshot workflow(RunDocument run) {
        return EventCodec.mapper().readValue(run.workflowJson(), WorkflowSnapshot.class);
    }
}
