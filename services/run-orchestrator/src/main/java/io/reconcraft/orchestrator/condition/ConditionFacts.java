package io.reconcraft.orchestrator.condition;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.SeverityCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The root object a condition expression reads: {@code findings} (an array, so {@code findings.length}
 * works), {@code findingsCount}, {@code severities.low|medium|high|critical} and {@code ports}, the open
 * ports found upstream. Only bean getters: the read-only evaluation context offers nothing else.
 */
public final class ConditionFacts {

    private final FindingFact[] findings;
    private final SeverityFacts severities;
    private final Integer[] ports;

    private ConditionFacts(List<Finding> findings, Integer[] ports) {
        this.findings = findings.stream().map(FindingFact::new).toArray(FindingFact[]::new);
        this.severities = new SeverityFacts(SeverityCounts.of(findings));
        this.ports = ports;
    }

    public static ConditionFacts of(List<UpstreamOutput> upstream) {
        List<Finding> findings = new ArrayList<>();
        TreeSet<Integer> ports = new TreeSet<>();
        for (UpstreamOutput output : upstream) {
            output.findings().stream().filter(f -> f.severity() != null).forEach(findings::add);
            ports.addAll(OpenPorts.in(output.outputs()));
        }
        return new ConditionFacts(findings, ports.toArray(Integer[]::new));
    }

    public FindingFact[] getFindings() {
        return findings.clone();
    }

    public int getFindingsCount() {
        return findings.length;
    }

    public SeverityFacts getSeverities() {
        return severities;
    }

    public Integer[] getPorts() {
        return ports.clone();
    }

    /** For log lines. */
    public Map<String, Object> describe() {
        return Map.of("findingsCount", findings.length, "ports", List.of(ports));
    }
}
