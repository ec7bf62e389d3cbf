package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.RunRequested;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.run.RunDocument;
import io.reconcraft.orchestrator.run.RunStore;
import io.reconcraft.orchestrator.run.StepDocument;
import io.reconcraft.orchestrator.run.StepJson;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stores a requested run once (keyed by run id) and sets it going; a redelivery only advances it. */
@Component
public class RunIntake {

    private static final Logger log = LoggerFactory.getLogger(RunIntake.class);

    private final RunStore store;
    private final RunAdvancer advancer;
    private final Clock clock;

    public RunIntake(RunStore store, RunAdvancer advancer, Clock clock) {
        this.store = store;
        this.advancer = advancer;
        this.clock = clock;
    }

    public void accept(String runId, RunRequested request) {
        WorkflowSnapshot workflow = request.workflow() == null
                ? new WorkflowSnapshot(null, null, List.of(), List.of()) : request.workflow();
        List<StepDocument> steps = workflow.nodes().stream()
                .map(node -> StepDocument.queued(node.id(), node.kind(), displayName(node))).toList();
        RunMode mode = request.runMode() == null ? RunMode.DEMO : request.runMode();
        RunDocument run = RunDocument.accepted(runId, StepJson.write(workflow), request.targets(), mode.wireName(),
                request.scope().entries(), clock.instant(), steps);
        if (store.insertIfAbsent(run)) {
            log.info("run {} accepted: workflow {} with {} nodes, {} mode", runId, workflow.id(), steps.size(),
                    mode.wireName());
        }
        advancer.advance(runId);
    }

    private static String displayName(WorkflowNode node) {
        return node.id() == null ? "(no id)" : node.displayName();
    }
}
