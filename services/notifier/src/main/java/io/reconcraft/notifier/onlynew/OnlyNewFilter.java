package io.reconcraft.notifier.onlynew;

import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@code onlyNew} step is about: the upstream findings the findings service sorted as {@code new} or
 * {@code reopened} in this run, less those triaged as false positive or accepted risk. Pure: the sorting of each
 * upstream node comes in as its FindingsUpdated changes.
 */
public final class OnlyNewFilter {

    public static final String CONFIG_KEY = "onlyNew";

    private OnlyNewFilter() {
    }

    /** The step's {@code onlyNew} setting: absent is false; anything but a boolean (or "true"/"false") is refused. */
    public static Optional<Boolean> setting(Map<String, Object> config) {
        Object value = config.get(CONFIG_KEY);
        if (value == null) {
            return Optional.of(false);
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (value instanceof String text && (text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(text.strip()));
        }
        return Optional.empty();
    }

    /** The upstream nodes whose sorting is needed: those that found something. */
    public static List<String> nodesToWaitFor(StepRequested step) {
        return step.upstream().stream().filter(output -> !output.findings().isEmpty()).map(UpstreamOutput::nodeId)
                .distinct().toList();
    }

    public sealed interface Result permits Missing, Sorted {
    }

    /** Some upstream node's findings are not sorted yet (or sorted for a different result than the step got). */
    public record Missing(List<String> nodeIds) implements Result {
    }

    /** @param step the request with only the new findings upstream; {@code kept} of {@code total} findings */
    public record Sorted(StepRequested step, int kept, int total) implements Result {
    }

    public static Result apply(StepRequested step, Map<String, List<FindingsUpdated.FindingChange>> changesByNode) {
        List<String> missing = new ArrayList<>();
        List<UpstreamOutput> filtered = new ArrayList<>();
        int kept = 0;
        int total = 0;
        for (UpstreamOutput output : step.upstream()) {
            if (output.findings().isEmpty()) {
                filtered.add(output);
                continue;
            }
            List<FindingsUpdated.FindingChange> changes = changesByNode.get(output.nodeId());
            Map<Integer, FindingsUpdated.FindingChange> byIndex = new HashMap<>();
            if (changes != null) {
                changes.forEach(change -> byIndex.put(change.index(), change));
            }
            // Sorted for exactly the findings this step received: one change per finding, by index.
            if (changes == null || byIndex.size() != output.findings().size()) {
                missing.add(output.nodeId());
                continue;
            }
            List<Finding> fresh = new ArrayList<>();
            for (int i = 0; i < output.findings().size(); i++) {
                FindingsUpdated.FindingChange change = byIndex.get(i);
                if (change == null) {
                    missing.add(output.nodeId());
                    break;
                }
                if (change.isNewAndNotTriagedAway()) {
                    fresh.add(output.findings().get(i));
                }
            }
            total += output.findings().size();
            kept += fresh.size();
            filtered.add(new UpstreamOutput(output.nodeId(), output.kind(), output.outputs(), fresh));
        }
        if (!missing.isEmpty()) {
            return new Missing(missing.stream().distinct().toList());
        }
        return new Sorted(new StepRequested(step.stepId(), step.nodeId(), step.kind(), step.name(), step.config(),
                step.targets(), step.runMode(), step.scope(), step.attempt(), step.timeoutSeconds(), filtered), kept, total);
    }
}
