package io.reconcraft.events.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The id of a step on the wire, built and read only here: {@code <runId>:<nodeId>} for a node's result, and
 * {@code <runId>:<nodeId>:<i>} for the {@code i}-th target's task of a node that fans out per target. With
 * the attempt it identifies the result that answers a request.
 */
public record StepId(String runId, String nodeId, Integer task) {

    private static final char SEPARATOR = ':';

    public StepId {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(nodeId, "nodeId");
        if (task != null && task < 0) {
            throw new IllegalArgumentException("task index must not be negative: " + task);
        }
    }

    /** The id of a node's own result. */
    public static StepId of(String runId, String nodeId) {
        return new StepId(runId, nodeId, null);
    }

    /** The id of this node's task for its {@code index}-th target. */
    public StepId task(int index) {
        return new StepId(runId, nodeId, index);
    }

    /** The task id for {@code index} under a node's step id as written on the wire. */
    public static String task(String nodeStepId, int index) {
        return nodeStepId + SEPARATOR + index;
    }

    public boolean isTask() {
        return task != null;
    }

    public String wire() {
        String node = runId + SEPARATOR + nodeId;
        return task == null ? node : task(node, task);
    }

    /**
     * Reads a step id of the run {@code runId}; empty when it belongs to another run. A trailing
     * {@code :<digits>} is a task index, so a node id itself may contain colons but must not end in one.
     */
    public static Optional<StepId> parse(String runId, String value) {
        String prefix = runId + SEPARATOR;
        if (value == null || !value.startsWith(prefix) || value.length() == prefix.length()) {
            return Optional.empty();
        }
        String rest = value.substring(prefix.length());
        int last = rest.lastIndexOf(SEPARATOR);
        if (last > 0 && last < rest.length() - 1 && rest.substring(last + 1).chars().allMatch(Character::isDigit)
                && rest.length() - last <= 10) {
            return Optional.of(new StepId(runId, rest.substring(0, last), Integer.parseInt(rest.substring(last + 1))));
        }
        return Optional.of(of(runId, rest));
    }

    /** Whether {@code stepId} names the node's own result rather than one target's task (a missing id does). */
    public static boolean isNodeResult(String runId, String nodeId, String stepId) {
        return stepId == null || stepId.equals(of(runId, nodeId).wire());
    }

    @Override
    public String toString() {
        return wire();
    }
}
