package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.messaging.BoundedMaps;
import io.reconcraft.orchestrator.plan.WorkflowShape;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.StepJson;
import io.reconcraft.workflow.WorkflowGraph;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow of a run, parsed once: a run's snapshot is frozen when the run is accepted, yet every pass of the
 * advancer needs its graph, and parsing the JSON and building the graph again each time was a tenth of the
 * orchestrator's work per transition. Whether its shape can run at all is decided once with it. Kept for the most
 * recent runs; an entry serves only the very text it was parsed from.
 */
final class ParsedWorkflows {

    record Parsed(String json, WorkflowSnapshot workflow, WorkflowGraph graph, Optional<String> shapeProblem) {
    }

    private static final Map<String, Parsed> RECENT = BoundedMaps.forgettingOldest(2_000);

    private ParsedWorkflows() {
    }

    static Parsed of(RunDocument run) {
        Parsed parsed = RECENT.get(run.id());
        if (parsed != null && parsed.json().equals(run.workflowJson())) {
            return parsed;
        }
        WorkflowSnapshot workflow = StepJson.workflow(run);
        WorkflowGraph graph = WorkflowGraph.of(workflow);
        parsed = new Parsed(run.workflowJson(), workflow, graph, WorkflowShape.problem(workflow, graph));
        RECENT.put(run.id(), parsed);
        return parsed;
    }
}
