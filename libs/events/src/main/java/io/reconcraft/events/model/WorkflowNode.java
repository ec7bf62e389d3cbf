package io.reconcraft.events.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A node as the Studio draws it; {@code config} is kind-specific and validated before a run. */
public record WorkflowNode(
        String id,
        String kind,
        String label,
        String category,
        Map<String, Object> config,
        Position position) {

    public WorkflowNode {
        // LinkedHashMap, not Map.copyOf: configs from the Studio may hold null values.
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public String displayName() {
        return label == null || label.isBlank() ? id : label;
    }

    public record Position(double x, double y) {
    }
}
