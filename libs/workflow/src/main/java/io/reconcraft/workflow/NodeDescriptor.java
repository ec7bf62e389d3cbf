package io.reconcraft.workflow;

import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.WorkflowNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the services need to know about one node kind, written once (the table is {@link NodeKinds}):
 * which service executes it ({@link NodeKind#executor()}), how its config is validated, how long an executor
 * may take by default, whether a failed step is retried by the orchestrator, whether it fans out per target,
 * and whether it passes its upstream data through to the nodes after it.
 *
 * @param defaultTimeout     how long an executor may take for a step of this kind unless configured otherwise
 * @param orchestratorRetries whether {@code config.retries} applies; false where the executor retries itself
 *                           (the notifier retries a delivery with backoff; retrying the step too would
 *                           multiply the two budgets)
 * @param fanOut             how a step with several targets is split into tasks
 * @param passesDataThrough  a node that produces no data of its own: the nodes after it also receive what it got
 */
public record NodeDescriptor(NodeKind kind, Duration defaultTimeout, boolean orchestratorRetries, FanOut fanOut,
                             boolean passesDataThrough, ConfigCheck config) {

    public enum FanOut {
        /** One task with the step's own id. */
        NEVER,
        /** One task per target when there are several. */
        PER_TARGET,
        /** One task per target, unless an upstream scan found hosts: the step then works on those, once. */
        PER_TARGET_UNLESS_UPSTREAM_HOSTS
    }

    /** Checks a node's config, reporting each problem with its path ({@code nodes[i].config.<field>}). */
    @FunctionalInterface
    public interface ConfigCheck {
        void check(WorkflowValidator validator, Map<String, Object> config, String path, Consumer<Problem> report);
    }

    public String wireName() {
        return kind.wireName();
    }

    /** The retries of a node of this kind: {@code config.retries} (0 to {@link NodeKinds#MAX_RETRIES}) or 0. */
    public int retriesOf(WorkflowNode node) {
        int retries = NodeKinds.retries(node.config());
        return orchestratorRetries ? retries : 0;
    }
}
