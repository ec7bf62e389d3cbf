package io.reconcraft.gateway.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reconcraft.events.model.Finding;
import io.reconcraft.events.model.Severity;
import java.util.List;
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

    /** A step's findings as a tool reported them, not yet filed by the findings service. */
    public static List<StepFinding> of(List<Finding> findings) {
        return findings.stream().map(f -> new StepFinding(f.id(), f.severity(), f.title(), f.description(), f.service(),
                f.port(), f.target(), f.tool(), f.fingerprint(), f.metadata(), null, null)).toList();
    }
}
