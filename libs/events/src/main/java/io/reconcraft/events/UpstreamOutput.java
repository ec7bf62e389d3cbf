package io.reconcraft.events;

import io.reconcraft.events.model.Finding;
import java.util.List;
import java.util.Map;

/** What an upstream step produced, handed down the edges to the steps that depend on it. */
public record UpstreamOutput(String nodeId, String kind, Map<String, Object> outputs, List<Finding> findings) {

    public UpstreamOutput {
        outputs = outputs == null ? Map.of() : outputs;
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
