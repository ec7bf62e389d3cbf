package io.reconcraft.toolrunner.execution.live.gitleaks;

import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.Severity;
import io.reconcraft.toolrunner.execution.FindingFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every leak is a high finding (CWE-798, hard-coded credentials). gitleaks reports a secret once per
 * commit that carries it; those are one finding (same rule, file and secret — or, with no secret reported, same
 * line) listing every commit, and carrying the secret's keyed hash as {@code secretHash}: the findings service
 * follows the leak by it across runs, however its line moves. The secret itself is never in a finding.
 */
public final class GitleaksFindings {

    static final String TOOL = NodeKind.GITLEAKS.wireName();
    private static final FindingFactory FINDINGS = new FindingFactory(TOOL);

    private GitleaksFindings() {
    }

    public static List<Finding> of(List<GitleaksLeak> leaks, String repository, String branch) {
        Map<String, List<GitleaksLeak>> byPlace = new LinkedHashMap<>();
        for (GitleaksLeak leak : leaks) {
            // By the secret (its keyed hash), not the line: the same secret on another line in an older commit is
            // the same leak. Only when no secret was reported does the line tell two leaks of a rule apart.
            String where = leak.secretFingerprint() != null ? "secret:" + leak.secretFingerprint() : "line:" + leak.line();
            byPlace.computeIfAbsent(leak.rule() + "|" + leak.file() + "|" + where, key -> new ArrayList<>()).add(leak);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<GitleaksLeak> same : byPlace.values()) {
            findings.add(findingOf(same, repository, branch));
        }
        return findings;
    }

    private static Finding findingOf(List<GitleaksLeak> same, String repository, String branch) {
        GitleaksLeak leak = same.get(0);
        String what = leak.description() == null ? leak.rule() : leak.description();
        String where = (leak.file() == null ? "an unnamed file" : leak.file()) + (leak.line() == null ? "" : ":" + leak.line());
        List<String> commits = same.stream().map(GitleaksLeak::commit).filter(c -> c != null).distinct().toList();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("cwe", "CWE-798");
        metadata.put("rule", leak.rule());
        putPresent(metadata, "file", leak.file());
        putPresent(metadata, "line", leak.line());
        putPresent(metadata, "commit", commits.isEmpty() ? null : commits.get(0));
        metadata.put("commits", commits);
        metadata.put("secret", leak.redactedSecret());
        putPresent(metadata, "secretHash", leak.secretFingerprint());
        putPresent(metadata, "branch", branch);
        return FINDINGS.finding(Severity.HIGH, "Hard-coded secret: " + what + " in " + where,
                "gitleaks rule " + leak.rule() + " matched at " + where + " in " + commits.size()
                        + " commit(s). Revoke the secret and remove it from the history.",
                null, null, repository, metadata);
    }

    private static void putPresent(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
