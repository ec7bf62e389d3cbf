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

    public static List<Finding> findings(StepDocument step) {
        return step.findingsJson() == null ? List.of() : EventCodec.mapper().readValue(step.findingsJson(), FINDINGS);
    }

    public static Map<String, Object> outputs(StepDocument step) {
        return step.outputsJson() == null ? Map.of() : EventCodec.mapper().readValue(step.outputsJson(), OUTPUTS);
    }

    public static List<Finding> findings(TaskDocument task) {
        return task.findingsJson() == null ? List.of() : EventCodec.mapper().readValue(task.findingsJson(), FINDINGS);
    }

    public static Map<String, Object> outputs(TaskDocument task) {
        return task.outputsJson() == null ? Map.of() : EventCodec.mapper().readValue(task.outputsJson(), OUTPUTS);
    }

    public static WorkflowSnapshot workflow(RunDocument run) {
        return EventCodec.mapper().readValue(run.workflowJson(), WorkflowSnapshot.class);
    }
}
