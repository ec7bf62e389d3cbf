package io.reconcraft.gateway.error;

import java.util.Collection;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns a body that could not be read into a message naming the field, without echoing internals. */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    /** @param parameter the handler parameter that could not be bound (a query parameter or the body), if known */
    static FieldProblem describe(Throwable failure, String parameter) {
        Optional<JacksonException> jackson = find(failure);
        if (jackson.isEmpty()) {
            if (failure.getMessage() != null && failure.getMessage().contains("No request body")) {
                return new FieldProblem("body", "a JSON request body is required");
            }
            return parameter == null
                    ? new FieldProblem("body", "the request body could not be read as JSON")
                    : new FieldProblem(parameter, "invalid value for '" + parameter + "'");
        }
        JacksonException error = jackson.get();
        String field = path(error);
        if (error instanceof StreamReadException) {
            return new FieldProblem(field.isEmpty() ? "body" : field,
                    "malformed JSON: " + firstLine(error.getOriginalMessage()));
        }
        return new FieldProblem(field.isEmpty() ? "body" : field, reason(error));
    }

    private static String reason(JacksonException error) {
        Throwable cause = error.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            // Named by JSON kind, never by our class names.
            return "wrong type: expected " + jsonKind(mismatch.getTargetType());
        }
        return "invalid value";
    }

    private static String jsonKind(Class<?> type) {
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    private static String path(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Optional<JacksonException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return Optional.of(jackson);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        String line = message.lines().findFirst().orElse(message);
        // Location hints describe parser internals, not the client's input.
        for (String internal : new String[] {" (start marker at", " at [Source"}) {
            int at = line.indexOf(internal);
            if (at > 0) {
                line = line.substring(0, at);
            }
        }
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
