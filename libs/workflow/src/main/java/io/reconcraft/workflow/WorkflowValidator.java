package io.reconcraft.workflow;

import io.reconcraft.events.model.InputEcho;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.WorkflowEdge;
import io.reconcraft.events.model.WorkflowNode;
import io.reconcraft.events.model.WorkflowSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;

/**
 * Checks a whole workflow and reports every problem at once, each with the JSON path of the field.
 * The gateway runs it on save and on run; the orchestrator and tool-runner run it again.
 */
@RequiredArgsConstructor
public final class WorkflowValidator {

    private static final Set<String> NMAP_PROFILES = Set.of("quick", "deep", "udp", "custom");
    private static final Set<String> REPORT_FORMATS = Set.of("html", "pdf", "json", "sarif", "csv");
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    /** Room for the Studio's generated ids (an edge's names both nodes and their handles), not for documents. */
    static final int MAX_ID_LENGTH = 256;
    static final int MAX_LABEL_LENGTH = 200;

    private final TargetPolicy targetPolicy;
    private final WebhookUrlRule webhookRule;

    public static WorkflowValidator defaults() {
        return new WorkflowValidator(TargetPolicy.DEFAULT, WebhookUrlRule.DEFAULT);
    }

    public static List<Problem> validate(WorkflowSnapshot workflow) {
        return defaults().check(workflow);
    }

    public List<Problem> check(WorkflowSnapshot workflow) {
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<WorkflowNode> nodes = workflow.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            WorkflowNode node = nodes.get(i);
            String path = "nodes[" + i + "]";
            if (node == null) {
                problems.add(new Problem(path, "must be a node"));
                continue;
            }
            if (node.id() == null || node.id().isBlank()) {
                problems.add(new Problem(path + ".id", "must not be empty"));
            } else if (node.id().length() > MAX_ID_LENGTH) {
                problems.add(new Problem(path + ".id", "at most " + MAX_ID_LENGTH + " characters"));
            } else if (!ids.add(node.id())) {
                problems.add(new Problem(path + ".id", "duplicate node id " + InputEcho.quoted(node.id())));
            }
            checkLength(node.label(), MAX_LABEL_LENGTH, path + ".label", problems);
            NodeKind.fromWire(node.kind()).ifPresentOrElse(
                    kind -> {
                        guard(path + ".config.retries", problems::add, () -> NodeKinds.retries(node.config()));
                        NodeKinds.of(kind).config().check(this, node.config(), path + ".config", problems::add);
                    },
                    () -> problems.add(new Problem(path + ".kind",
                            "unknown node kind " + InputEcho.quoted(node.kind()))));
        }
        List<WorkflowEdge> edges = workflow.edges();
        for (int i = 0; i < edges.size(); i++) {
            WorkflowEdge edge = edges.get(i);
            String path = "edges[" + i + "]";
            if (edge == null) {
                problems.add(new Problem(path, "must be an edge"));
                continue;
            }
            checkLength(edge.id(), MAX_ID_LENGTH, path + ".id", problems);
            checkLength(edge.label(), MAX_LABEL_LENGTH, path + ".label", problems);
            if (!ids.contains(edge.source())) {
                problems.add(new Problem(path + ".source", "unknown node " + InputEcho.quoted(edge.source())));
            }
            if (!ids.contains(edge.target())) {
                problems.add(new Problem(path + ".target", "unknown node " + InputEcho.quoted(edge.target())));
            }
            if (edge.source() != null && edge.source().equals(edge.target())) {
                problems.add(new Problem(path, "an edge must not connect a node to itself"));
            }
        }
        try {
            WorkflowGraph.of(workflow).topologicalOrder();
        } catch (WorkflowGraph.CycleException e) {
            problems.add(new Problem("edges", "the graph has a cycle among nodes " + e.nodes()));
        }
        return problems;
    }

    private static void checkLength(String text, int max, String field, List<Problem> problems) {
        if (text != null && text.length() > max) {
            problems.add(new Problem(field, "at most " + max + " characters"));
        }
    }

    void checkNmap(Map<String, Object> config, String path, Consumer<Problem> report) {
        checkTargets(config, path, report);
        guard(path + ".profile", report, () -> ConfigValues.text(config, "profile")
                .filter(profile -> !NMAP_PROFILES.contains(profile))
                .ifPresent(profile -> {
                    throw new IllegalArgumentException("must be one of quick, deep, udp, custom");
                }));
        guard(path + ".flags", report, () -> NmapFlags.parse(ConfigValues.text(config, "flags").orElse("")));
    }

    void checkHttpProbe(Map<String, Object> config, String path, Consumer<Problem> report) {
        checkTargets(config, path, report);
        range(config, "timeout", 1, 60, path, report);
    }

    void checkDelay(Map<String, Object> config, String path, Consumer<Problem> report) {
        range(config, "duration", 0, NodeKinds.MAX_DELAY.toSeconds(), path, report);
    }

    void checkCondition(Map<String, Object> config, String path, Consumer<Problem> report) {
        guard(path + ".condition", report, () -> ConditionExpression.parse(
                ConfigValues.text(config, "condition").orElse(null)));
    }

    void checkGitleaks(Map<String, Object> config, String path, Consumer<Problem> report) {
        guard(path + ".repoUrl", report, () -> ConfigValues.text(config, "repoUrl")
                .filter(url -> !url.strip().toLowerCase().startsWith("https://"))
                .ifPresent(url -> {
                    throw new IllegalArgumentException("must be an https URL");
                }));
    }

    void checkWebhook(Map<String, Object> config, String path, Consumer<Problem> report) {
        guard(path + ".webhookUrl", report, () -> ConfigValues.text(config, "webhookUrl")
                .map(webhookRule::check)
                .ifPresent(reason -> {
                    throw new IllegalArgumentException(reason);
                }));
    }

    /** What the Studio writes ({@code title}, {@code includeSections}) and ours ({@code formats}, {@code minSeverity}). */
    void checkReport(Map<String, Object> config, String path, Consumer<Problem> report) {
        guard(path + ".title", report, () -> ConfigValues.text(config, "title"));
        guard(path + ".includeSections", report, () -> ConfigValues.strings(config, "includeSections"));
        guard(path + ".formats", report, () -> ConfigValues.strings(config, "formats").stream()
                .filter(format -> !REPORT_FORMATS.contains(format))
                .findFirst().ifPresent(format -> {
                    throw new IllegalArgumentException(
                            InputEcho.quoted(format) + " is not one of html, pdf, json, sarif, csv");
                }));
        guard(path + ".minSeverity", report, () -> ConfigValues.text(config, "minSeverity")
                .filter(severity -> !SEVERITIES.contains(severity))
                .ifPresent(severity -> {
                    throw new IllegalArgumentException("must be one of low, medium, high, critical");
                }));
    }

    void checkRules(Map<String, Object> config, String path, Consumer<Problem> report) {
        List<String> rules;
        try {
            rules = ConfigValues.strings(config, "rules");
        } catch (IllegalArgumentException e) {
            report.accept(new Problem(path + ".rules", e.getMessage()));
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            String rule = rules.get(i);
            guard(path + ".rules[" + i + "]", report, () -> {
                if (rule.length() > ConditionExpression.MAX_LENGTH) {
                    throw new IllegalArgumentException("a rule is limited to " + ConditionExpression.MAX_LENGTH + " characters");
                }
                ParserRule.parse(rule);
            });
        }
    }

    private void checkTargets(Map<String, Object> config, String path, Consumer<Problem> report) {
        List<String> targets;
        try {
            targets = ConfigValues.strings(config, "targets");
        } catch (IllegalArgumentException e) {
            report.accept(new Problem(path + ".targets", e.getMessage()));
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            guard(path + ".targets[" + i + "]", report, () -> Target.parse(target, targetPolicy));
        }
    }

    private static void range(Map<String, Object> config, String key, double min, double max, String path,
                              Consumer<Problem> report) {
        guard(path + "." + key, report, () -> ConfigValues.number(config, key)
                .filter(value -> value < min || value > max)
                .ifPresent(value -> {
                    throw new IllegalArgumentException("must be between " + (long) min + " and " + (long) max);
                }));
    }

    private static void guard(String field, Consumer<Problem> report, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            report.accept(new Problem(field, e.getMessage()));
        }
    }
}
