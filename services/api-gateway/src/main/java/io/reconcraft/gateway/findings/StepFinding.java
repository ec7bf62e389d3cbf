package io.reconcraft.gateway.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.util.Map;

/**
 * A finding of a run's step as the Studio reads it (its Finding shape and our fields), plus where the findings
 * service filed it: {@code findingId} of the stored finding and its {@code change} in this run
 * (new | reopened | unchanged), set once FindingsUpdated for the step has arrived.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepFinding(
        String id,
        Severity severity,
        String title,
        String description,
        String service,
        Integer port,
        String target,
        String tool,
        String fingerprint,
        Map<String, Object> metadata,
        String findingId,
        String change) {

    /** A step's finding as the executor reported it, not yet filed by the findings service. */
    public static StepFinding of(Finding finding) {
        return new StepFinding(finding.id(), finding.severity(), finding.title(), finding.description(),
                finding.service(), finding.port(), finding.target(), finding.tool(), finding.fingerprint(),
                finding.metadata(), null, null);
    }

    StepFinding filedAs(String storedId, String changeInRun) {
        return new StepFinding(id, severity, title, description, service, port, target, tool, fingerprint, metadata,
                storedId, changeInRun);
    }
}
