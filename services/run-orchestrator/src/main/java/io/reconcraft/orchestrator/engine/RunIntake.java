package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.RunRequested;
import io.reconcraft.events.model.AdmissionGroup;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.admission.RunAdmission;
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

/** Stores a requested run once (keyed by run id) and queues it for admission; a redelivery only advances it. */
@Component
public class RunIntake {

    private static final Logger log = LoggerFactory.getLogger(RunIntake.class);

    private final RunStore store;
    private final RunAdvancer advancer;
    private final Clock clock;
    private final RunAdmission admission;

    public RunIntake(RunStore store, RunAdvancer advancer, Clock clock, RunAdmission admission) {
        this.store = store;
        this.advancer = advancer;
        this.clock = clock;
        this.admission = admission;
    }

    public void accept(String runId, RunRequested request) {
        WorkflowSnapshot workflow = request.workflow() == null
                ? new WorkflowSnapshot(null, null, List.of(), List.of()) : request.workflow();
        List<StepDocument> steps = workflow.nodes().stream()
                .map(node -> StepDocument.queued(node.id(), node.kind(), displayName(node))).toList();
        RunMode mode = request.runMode() == null ? RunMode.DEMO : request.runMode();
        String group = AdmissionGroup.of(request.requestedBy(), request.trigger());
        RunDocument run = RunDocument.accepted(runId, StepJson.write(workflow), request.targets(), mode.wireName(),
                request.scope().entries(), clock.instant(), steps, group);
        RunDocument stored = run;
        if (store.insertIfAbsent(run)) {
            log.info("run {} accepted: workflow {} with {} nodes, {} mode", runId, workflow.id(), steps.size(),
                    mode.wireName());
        } else {
            stored = store.find(runId).orElse(run); // a redelivery: the run may be under way already
        }
        if (stored.runStatus() == RunStatus.QUEUED && !stored.isCancelRequested()) {
            admission.offer(runId, stored.admissionGroup() == null ? group : stored.admissionGroup());
        } else {
            advancer.advance(runId);
        }
    }

    private static String displayName(WorkflowNode node) {
        return node.id() == null ? "(no id)" : node.displayName();
    }
}
