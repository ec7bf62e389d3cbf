package io.reconcraft.toolrunner.execution.parser;

import io.reconcraft.events.UpstreamOutput;
import io.reconcraft.events.model.NmapOutput;
import io.reconcraft.events.model.OutputValues;
import io.reconcraft.workflow.RuleSubject;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a parser's rules look at, from the upstream steps: each finding, each scanned port
 * ({@code hosts[].ports[]}) and each HTTP response ({@code responses[]}). Upstream output is
 * untrusted: entries of the wrong shape are skipped, never an error.
 */
final class RuleSubjects {

    private RuleSubjects() {
    }

    static List<RuleSubject> of(List<UpstreamOutput> upstream) {
        List<RuleSubject> subjects = new ArrayList<>();
        for (UpstreamOutput output : upstream) {
            output.findings().forEach(finding -> subjects.add(RuleSubject.ofFinding(finding)));
            for (NmapOutput.Host host : NmapOutput.read(output.outputs()).hosts()) {
                host.ports().forEach(port -> subjects.add(RuleSubject.ofPort(host.address(), port)));
            }
            OutputValues.maps(output.outputs().get("responses")).forEach(response -> subjects.add(RuleSubject.ofResponse(response)));
        }
        return subjects;
    }
}
