package io.reconcraft.orchestrator.plan;

import io.reconcraft.events.model.StepId;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.NmapOutput;
import io.reconcraft.orchestrator.store.TaskDocument;
import io.reconcraft.workflow.NodeDescriptor;
import io.reconcraft.workflow.NodeKinds;
import java.util.ArrayList;
import java.util.List;

/**
 * How a step executed elsewhere is split into tasks. A scan node with several targets runs once per
 * target, each task a StepRequested of its own with stepId {@code <runId>:<nodeId>:<i>}, so the work
 * spreads over tool-runner instances; everything else is one task with the step's own id
 * {@code <runId>:<nodeId>}. Which kinds fan out is their descriptor's {@link NodeDescriptor#fanOut()}: an
 * http-probe fans out only when it probes its targets itself: when an upstream scan found hosts, it probes
 * those, and splitting it per target would probe them all N times.
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
        return switch (NodeKinds.of(kind).map(NodeDescriptor::fanOut).orElse(NodeDescriptor.FanOut.NEVER)) {
            case NEVER -> false;
            case PER_TARGET -> true;
            case PER_TARGET_UNLESS_UPSTREAM_HOSTS -> upstream.stream().noneMatch(output -> NmapOutput.in(output.outputs()));
        };
    }
}
