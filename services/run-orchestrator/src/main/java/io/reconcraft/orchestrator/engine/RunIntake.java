package io.reconcraft.orchestrator.engine;

import io.reconcraft.events.RunRequested;
import io.reconcraft.events.model.AdmissionGroup;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.orchestrator.admission.RunAdmission;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import io.reconcraft.orchestrator.store.RunDocument;
import io.reconcraft.orchestrator.store.RunStore;
import io.reconcraft.orchestrator.store.StepDocument;
import io.reconcraft.orchestrator.store.StepJson;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stores a requested run once (keyed by run id) and queues it for admission; a redelivery only advances it. */
@Component
@RequiredArgsConstructor
public class RunIntake {

    private static final Logger log = LoggerFactory.getLogger(RunIntake.class);

    private final RunStore store;
    private final RunAdvancer advancer;
    private final Clock clock;
    private final RunAdmission admission;

    /** A requested run: its id and the request. */
    public record Requested(String runId, RunRequested request) {
    }

    /**
     * Stores the runs of a poll with one insert, then queues each for admission; a run that existed already
     * (a redelivered RunRequested) may be under way, so it is read and queued or advanced as it stands.
     */
    public void acceptAll(List<Requested> requests) {
        List<RunDocument> runs = requests.stream().map(this::document).toList();
        Set<String> inserted = store.insertAbsent(runs);
        Set<String> seen = new HashSet<>();
        for (RunDocument run : runs) {
            if (!seen.add(run.id())) {
                continue;
            }
            RunDocument stored = run;
            if (inserted.contains(run.id())) {
                log.info("run {} accepted: {} nodes, {} mode", run.id(), run.steps().size(), run.runMode());
            } else {
                stored = store.find(run.id()).orElse(run);
            }
            if (stored.runStatus() == RunStatus.QUEUED && !stored.isCancelRequested()) {
                admission.offer(run.id(), stored.admissionGroup() == null ? run.admissionGroup() : stored.admissionGroup(),
                        stored);
            } else {
                advancer.advance(run.id());
            }
        }
    }

    private RunDocument document(Requested requested) {
        RunRequested request = requested.request();
        WorkflowSnapshot workflow = request.workflow() == null
                ? new WorkflowSnapshot(null, null, List.of(), List.of()) : request.workflow();
        List<StepDocument> steps = workflow.nodes().stream()
                .map(node -> StepDocument.queued(node.id(), node.kind(), displayName(node))).toList();
        RunMode mode = request.runMode() == null ? RunMode.DEMO : request.runMode();
        String group = AdmissionGroup.of(request.requestedBy(), request.trigger());
        return RunDocument.accepted(requested.runId(), StepJson.write(workflow), request.targets(), mode.wireName(),
                request.scope().entries(), clock.instant(), steps, group);
    }

    private static String displayName(WorkflowNode node) {
        return node.id() == null ? "(no id)" : node.displayName();
    }
}
