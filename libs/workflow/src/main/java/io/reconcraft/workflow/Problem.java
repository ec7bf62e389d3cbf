package io.reconcraft.workflow;

/** One thing wrong with a workflow: {@code field} is a JSON path such as {@code nodes[2].config.flags}. */
public record Problem(String field, String message) {
}
