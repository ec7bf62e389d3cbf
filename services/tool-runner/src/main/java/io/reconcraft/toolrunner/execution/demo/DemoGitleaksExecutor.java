package io.reconcraft.toolrunner.execution.demo;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.FindingFactory;
import io.reconcraft.toolrunner.execution.RepositoryUrl;
import io.reconcraft.toolrunner.execution.StepContext;
import io.reconcraft.toolrunner.execution.StepExecutor;
import io.reconcraft.toolrunner.execution.StepLog;
import io.reconcraft.toolrunner.execution.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Canned gitleaks report for an https repository; clones nothing, and never shows more than a secret's first 4 characters. */
public class DemoGitleaksExecutor implements StepExecutor {

    static final String TOOL = NodeKind.GITLEAKS.wireName();
    private static final FindingFactory FINDINGS = new FindingFactory(TOOL);

    private record Leak(String rule, String description, String file, int line, String prefix) {
    }

    private static final List<Leak> CATALOGUE = List.of(
            new Leak("aws-access-token", "AWS access key", "config/settings.py", 12, "AKIA"),
            new Leak("github-pat", "GitHub personal access token", ".github/workflows/deploy.yml", 27, "ghp_"),
            new Leak("slack-bot-token", "Slack bot token", "scripts/notify.sh", 5, "xoxb"),
            new Leak("generic-api-key", "Generic API key", "src/main/resources/application.properties", 41, "sk_l"));

    @Override
    public StepResult execute(StepContext context) {
        RepositoryUrl.Checkout checkout = RepositoryUrl.Checkout.of(context.step().config());
        String repo = checkout.repo().display();
        String branch = checkout.branch();
        StepLog log = context.log();
        log.line("gitleaks v8.18.4 [demo mode: canned report, nothing cloned]");
        log.line("scanning " + repo + " (branch " + branch + ")");
        int commits = 40 + DemoChoice.of("commits|" + repo + "|" + branch, 200);
        log.line(commits + " commits scanned.");
        int first = DemoChoice.of("leak|" + repo, CATALOGUE.size());
        List<Finding> findings = new ArrayList<>();
        for (Leak leak : List.of(CATALOGUE.get(first), CATALOGUE.get((first + 1) % CATALOGUE.size()))) {
            String secret = demoSecret(leak.prefix(), repo + "|" + leak.rule());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("cwe", "CWE-798");
            metadata.put("rule", leak.rule());
            metadata.put("file", leak.file());
            metadata.put("line", leak.line());
            metadata.put("secret", redact(secret));
            metadata.put("branch", branch);
            findings.add(FINDINGS.finding(Severity.HIGH, "Hard-coded secret: " + leak.description() + " in " + leak.file(),
                    "A " + leak.description() + " is committed at " + leak.file() + ":" + leak.line()
                            + ". Revoke it and remove it from the history.", null, null, repo, metadata));
            log.line("Finding: " + leak.rule() + " in " + leak.file() + ":" + leak.line() + " secret " + redact(secret));
        }
        log.line("leaks found: " + findings.size());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("repository", repo);
        outputs.put("branch", branch);
        outputs.put("commitsScanned", commits);
        outputs.put("leaks", findings.size());
        return StepResult.succeeded(findings, outputs);
    }

    /** A made-up secret; only its redacted form ever leaves this class. */
    static String demoSecret(String prefix, String key) {
        return prefix + FindingFactory.sha256Hex("secret|" + key).substring(0, 20).toUpperCase();
    }

    static String redact(String secret) {
        return secret.substring(0, Math.min(4, secret.length())) + "…REDACTED";
    }
}
