package io.reconcraft.workflow;

import static io.reconcraft.workflow.NodeDescriptor.FanOut.NEVER;
import static io.reconcraft.workflow.NodeDescriptor.FanOut.PER_TARGET;
import static io.reconcraft.workflow.NodeDescriptor.FanOut.PER_TARGET_UNLESS_UPSTREAM_HOSTS;

import io.reconcraft.events.model.NodeKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One descriptor per node kind: the validator, the orchestrator's planner, fan-out, timeouts and retries all
 * read this table. Adding a kind = its wire name in {@link NodeKind}, a row here, and an executor.
 */
public final class NodeKinds {

    /** The most automatic retries a node may ask for. */
    public static final int MAX_RETRIES = 5;
    /** The longest a delay node may wait: the limit the gateway checks on save and the orchestrator at run time. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(86_400);
    private static final String RETRIES_RULE = "must be a whole number from 0 to " + MAX_RETRIES;

    private static final Map<NodeKind, NodeDescriptor> DESCRIPTORS = new EnumMap<>(NodeKind.class);

    static {
        add(NodeKind.START, Duration.ofSeconds(30), true, NEVER, false, (v, config, path, report) -> {
        });
        add(NodeKind.CONDITION, Duration.ofSeconds(30), true, NEVER, true, WorkflowValidator::checkCondition);
        add(NodeKind.DELAY, Duration.ofMinutes(5), true, NEVER, true, WorkflowValidator::checkDelay);
        add(NodeKind.NMAP, Duration.ofMinutes(10), true, PER_TARGET, false, WorkflowValidator::checkNmap);
        add(NodeKind.HTTP_PROBE, Duration.ofMinutes(2), true, PER_TARGET_UNLESS_UPSTREAM_HOSTS, false,
                WorkflowValidator::checkHttpProbe);
        add(NodeKind.GITLEAKS, Duration.ofMinutes(10), true, NEVER, false, WorkflowValidator::checkGitleaks);
        add(NodeKind.PARSER, Duration.ofMinutes(1), true, NEVER, false, WorkflowValidator::checkRules);
        add(NodeKind.REPORT, Duration.ofMinutes(2), true, NEVER, false, WorkflowValidator::checkReport);
        add(NodeKind.SLACK, Duration.ofMinutes(2), false, NEVER, false, WorkflowValidator::checkWebhook);
        add(NodeKind.DISCORD, Duration.ofMinutes(2), false, NEVER, false, WorkflowValidator::checkWebhook);
    }

    private NodeKinds() {
    }

    private static void add(NodeKind kind, Duration timeout, boolean retries, NodeDescriptor.FanOut fanOut,
                            boolean passesDataThrough, NodeDescriptor.ConfigCheck check) {
        DESCRIPTORS.put(kind, new NodeDescriptor(kind, timeout, retries, fanOut, passesDataThrough, check));
    }

    public static NodeDescriptor of(NodeKind kind) {
        return DESCRIPTORS.get(kind);
    }

    /** The descriptor of a kind by its wire name; empty for a kind nobody knows. */
    public static Optional<NodeDescriptor> of(String wireName) {
        return NodeKind.fromWire(wireName).map(DESCRIPTORS::get);
    }

    public static List<NodeDescriptor> all() {
        return List.copyOf(DESCRIPTORS.values());
    }

    /** Each kind's default timeout, by wire name. */
    public static Map<String, Duration> defaultTimeouts() {
        Map<String, Duration> timeouts = new java.util.LinkedHashMap<>();
        DESCRIPTORS.values().forEach(d -> timeouts.put(d.wireName(), d.defaultTimeout()));
        return timeouts;
    }

    /**
     * {@code config.retries}: 0 to {@link #MAX_RETRIES}, a number or a numeric string, 0 when absent.
     *
     * @throws IllegalArgumentException "must be a whole number from 0 to 5" otherwise
     */
    public static int retries(Map<String, Object> config) {
        double retries;
        try {
            retries = ConfigValues.number(config, "retries").orElse(0.0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RETRIES_RULE);
        }
        if (retries != Math.rint(retries) || retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException(RETRIES_RULE);
        }
        return (int) retries;
    }
}
