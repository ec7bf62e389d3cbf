package io.reconcraft.gateway.actions;

import io.reconcraft.events.model.SeverityCounts;
import io.reconcraft.gateway.run.RunView;
import java.util.List;

/** The text a send-slack / send-discord action posts: the run's name, status, targets and findings by severity. */
final class RunSummaryMessage {

    private static final int MAX_TARGETS_SHOWN = 10;

    private RunSummaryMessage() {
    }

    static String of(RunView run) {
        StringBuilder text = new StringBuilder();
        text.append("ReconCraft run \"").append(run.workflowName() == null ? run.id() : run.workflowName())
                .append("\" (").append(run.id()).append("): ").append(run.status().wireName());
        if (run.outcome() != null) {
            text.append(" (").append(run.outcome()).append(')');
        }
        text.append("\nTargets: ").append(targets(run.targets()));
        SeverityCounts counts = run.summary() == null ? null : run.summary().severities();
        if (counts == null) {
            text.append("\nFindings: none reported yet");
        } else {
            text.append("\nFindings: ").append(counts.total()).append(" (critical ").append(counts.critical())
                    .append(", high ").append(counts.high()).append(", medium ").append(counts.medium())
                    .append(", low ").append(counts.low()).append(')');
        }
        return text.toString();
    }

    private static String targets(List<String> targets) {
        if (targets.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", targets.subList(0, Math.min(MAX_TARGETS_SHOWN, targets.size())));
        return targets.size() > MAX_TARGETS_SHOWN ? shown + " and " + (targets.size() - MAX_TARGETS_SHOWN) + " more"
                : shown;
    }
}
