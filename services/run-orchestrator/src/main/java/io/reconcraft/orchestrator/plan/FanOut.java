package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.NmapOutput;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.orchestrator.run.TaskDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * How a step executed elsewhere is split into tasks. A scan node with several targets runs once per
 * target, each task a StepRequested of its own with stepId {@code <runId>:<nodeId>:<i>}, so the work
 * spreads over tool-runner instances; everything else is one task with the step's own id
 * {@code <runId>:<nodeId>}. An http-probe fans out only when it probes its targets itself: when an
 * upstream scan found hosts, it probes those, and splitting it per target would probe them all N times.
 */
public final class FanOut {

    private FanOut() {
    }

    public static List<TaskDocument> tasks(String stepId, String kind, List<String> targets,
                                           List<UpstreamOutput> upstream, int attempt) {
        if (!fansOut(kind, targets, upstream)) {
            return List.of(TaskDocument.queued(stepId, null, attempt));
        }
        List<TaskDocument> tasks = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            tasks.add(TaskDocument.queued(StepId.task(stepId, i), targets.get(i), attempt));
        }
        return tasks;
    }

    static boolean fansOut(String kind, List<String> targets, List<UpstreamOutput> upstream) {
        if (targets.size() < 2) {
            return false;
        }
        if (NodeKind.NMAP.wireName().equals(kind)) {
            return true;
        }
        return NodeKind.HTTP_PROBE.wireName().equals(kind)
                && upstream.stream().noneMatch(output -> NmapOutput.in(output.outputs()));
    }
}
