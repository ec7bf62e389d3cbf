package io.reconcraft.gateway.error;

/** One bad input value: {@code field} is a JSON path such as {@code targets[0]} or {@code nodes[2].config.flags}. */
public record FieldProblem(String field, String message) {
}
