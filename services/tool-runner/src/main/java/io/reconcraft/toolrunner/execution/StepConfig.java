package io.reconcraft.toolrunner.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed, forgiving reads of a node's config map; a value of the wrong type is a {@link StepInputException}. */
public final class StepConfig {

    private final String kind;
    private final Map<String, Object> values;

    public StepConfig(String kind, Map<String, Object> values) {
        this.kind = kind;
        this.values = values == null ? Map.of() : values;
    }

    public String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text.trim();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new StepInputException(kind + " config '" + name + "' must be a string");
    }

    public String requiredText(String name) {
        String value = text(name);
        if (value == null || value.isEmpty()) {
            throw new StepInputException(kind + " config '" + name + "' is required");
        }
        return value;
    }

    public List<String> textList(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new StepInputException(kind + " config '" + name + "' must be a list of strings");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw new StepInputException(kind + " config '" + name + "' must be a list of strings");
            }
            if (!text.isBlank()) {
                texts.add(text.trim());
            }
        }
        return texts;
    }
}
