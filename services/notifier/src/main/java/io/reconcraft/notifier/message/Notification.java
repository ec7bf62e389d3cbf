package io.reconcraft.notifier.message;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a notification says, before it is shaped for a platform: a title, the rendered message, labelled
 * facts (target, ports, findings) and the worst severity among the findings it is about.
 */
public record Notification(String title, String message, List<Field> fields, Optional<Severity> worstSeverity) {

    public record Field(String name, String value) {
    }

    public Notification {
        fields = List.copyOf(fields);
    }

    /** A workflow's slack/discord step: the rendered template plus what the upstream steps found. */
    public static Notification ofStep(StepRequested step, String renderedMessage) {
        List<Finding> findings = step.upstream().stream().flatMap(output -> output.findings().stream()).toList();
        String name = step.name() == null || step.name().isBlank() ? String.valueOf(step.kind()) : step.name();
        return new Notification("ReconCraft: " + name, renderedMessage, List.of(
                new Field("Target", MessageTemplate.targets(step.targets())),
                new Field("Open ports", MessageTemplate.ports(step.upstream())),
                new Field("Findings", MessageTemplate.findings(step.upstream()))),
                findings.stream().map(Finding::severity).filter(s -> s != null).max(Comparator.naturalOrder()));
    }

    /** An ad-hoc message (send-slack / send-discord action): only the text. */
    public static Notification ofMessage(String message) {
        return new Notification("ReconCraft", message, List.of(), Optional.empty());
    }
}
