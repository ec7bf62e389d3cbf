package io.reconcraft.notifier.message;

import io.reconcraft.events.model.NmapOutput;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.SeverityCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills a notification template: {@code {{target}}} the step's targets, {@code {{ports}}} the open ports
 * upstream scans found, {@code {{findings}}} a count-by-severity summary of upstream findings. Upstream
 * output of an unexpected shape is skipped: a notification should still go out about what is readable.
 */
public final class MessageTemplate {

    public static final String DEFAULT = "ReconCraft: {{findings}} on {{target}}. Open ports: {{ports}}.";

    private MessageTemplate() {
    }

    public static String render(String template, StepRequested step) {
        String text = template == null || template.isBlank() ? DEFAULT : template;
        return text.replace("{{target}}", targets(step.targets()))
                .replace("{{ports}}", ports(step.upstream()))
                .replace("{{findings}}", findings(step.upstream()));
    }

    static String targets(List<String> targets) {
        return targets.isEmpty() ? "no targets" : String.join(", ", targets);
    }

    static String findings(List<UpstreamOutput> upstream) {
        List<Finding> findings = upstream.stream().flatMap(output -> output.findings().stream()).toList();
        SeverityCounts counts = SeverityCounts.of(findings);
        if (counts.total() == 0) {
            return "no findings";
        }
        List<String> parts = new ArrayList<>();
        addCount(parts, counts.critical(), "critical");
        addCount(parts, counts.high(), "high");
        addCount(parts, counts.medium(), "medium");
        addCount(parts, counts.low(), "low");
        return counts.total() + (counts.total() == 1 ? " finding" : " findings") + " (" + String.join(", ", parts) + ")";
    }

    static String ports(List<UpstreamOutput> upstream) {
        List<String> hosts = new ArrayList<>();
        for (UpstreamOutput output : upstream) {
            for (NmapOutput.Host host : NmapOutput.read(output.outputs()).hosts()) {
                List<String> open = host.ports().stream().filter(port -> port.open() && port.port() != null)
                        .map(port -> port.port() + "/" + (port.protocol() == null ? "tcp" : port.protocol())
                                + (port.service() == null ? "" : " (" + port.service() + ")"))
                        .toList();
                if (host.address() != null && !open.isEmpty()) {
                    hosts.add(host.address() + " " + String.join(", ", open));
                }
            }
        }
        return hosts.isEmpty() ? "none" : String.join("; ", hosts);
    }

    private static void addCount(List<String> parts, int count, String severity) {
        if (count > 0) {
            parts.add(count + " " + severity);
        }
    }
}
