package io.reconcraft.events.model;

public record WorkflowEdge(
        String id,
        String source,
        String target,
        String sourceHandle,
        String targetHandle,
        String label,
        String type) {
}
