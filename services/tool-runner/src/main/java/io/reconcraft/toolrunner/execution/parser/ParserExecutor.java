package io.reconcraft.toolrunner.execution.parser;

import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.toolrunner.execution.FindingFactory;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepInputException;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import io.reconcraft.workflow.ConfigValues;
import io.reconcraft.workflow.ParserRule;
import io.reconcraft.workflow.RuleSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code parser} node: applies its rules ({@link ParserRule}, e.g. {@code port == 23 -> high
 * "Telnet exposed"}) to every finding, port and HTTP response of its upstream steps and reports a
 * finding for each match. It reads only what upstream steps produced and sends no traffic, so it is
 * the same in demo and live runs.
 */
public final class ParserExecutor implements StepExecutor {

    public static final String KIND = NodeKind.PARSER.wireName();

    private final FindingFactory findings = new FindingFactory(KIND);

    @Override
    public StepResult execute(StepContext context) {
        StepRequested step = context.step();
        StepLog log = context.log();
        List<ParserRule> rules = rules(step.config());
        List<RuleSubject> subjects = RuleSubjects.of(step.upstream());
        log.line("parser: " + rules.size() + " rule(s) over " + subjects.size() + " upstream item(s)");
        Map<String, Finding> matched = new LinkedHashMap<>();
        int unevaluable = 0;
        for (ParserRule rule : rules) {
            for (RuleSubject subject : subjects) {
                try {
                    rule.apply(subject).ifPresent(match -> {
                        Finding finding = finding(rule, match, subject);
                        if (matched.putIfAbsent(finding.fingerprint(), finding) == null) {
                            log.line("match: " + rule.source() + " on " + describe(subject));
                        }
                    });
                } catch (IllegalArgumentException e) {
                    unevaluable++;
                }
            }
        }
        if (unevaluable > 0) {
            log.line(unevaluable + " rule evaluation(s) gave no true/false answer and were skipped");
        }
        log.line("parser: " + matched.size() + " finding(s)");
        return StepResult.succeeded(List.copyOf(matched.values()), Map.of(
                "rules", rules.size(), "itemsExamined", subjects.size(), "matches", matched.size()));
    }

    private static List<ParserRule> rules(Map<String, Object> config) {
        List<String> sources;
        try {
            sources = ConfigValues.strings(config, "rules");
        } catch (IllegalArgumentException e) {
            throw new StepInputException("config.rules " + e.getMessage());
        }
        List<ParserRule> rules = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            try {
                rules.add(ParserRule.parse(sources.get(i)));
            } catch (IllegalArgumentException e) {
                throw new StepInputException("config.rules[" + i + "]: " + e.getMessage());
            }
        }
        return rules;
    }

    private Finding finding(ParserRule rule, ParserRule.Match match, RuleSubject subject) {
        String target = subject.getTarget() != null ? subject.getTarget() : subject.getUrl();
        return findings.finding(match.severity(), match.title(),
                "Rule '" + rule.source() + "' matched " + describe(subject) + ".",
                subject.getService(), subject.getPort(), target, Map.of("rule", rule.source()));
    }

    private static String describe(RuleSubject subject) {
        if (subject.getUrl() != null) {
            return subject.getUrl() + (subject.getStatus() == null ? "" : " (HTTP " + subject.getStatus() + ")");
        }
        StringBuilder text = new StringBuilder(subject.getTarget() == null ? "?" : subject.getTarget());
        if (subject.getPort() != null) {
            text.append(" port ").append(subject.getPort());
        }
        if (subject.getService() != null) {
            text.append(" (").append(subject.getService()).append(')');
        }
        if (subject.getTitle() != null) {
            text.append(": ").append(subject.getTitle());
        }
        return text.toString();
    }
}
