package io.reconcraft.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads node config values, which the Studio may send as numbers or as strings. */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** Empty when absent or blank; throws {@link IllegalArgumentException} when present but not a number. */
    public static Optional<Double> number(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return Optional.empty();
        }
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (value instanceof String s) {
            try {
                double parsed = Double.parseDouble(s.strip());
                if (Double.isFinite(parsed)) {
                    return Optional.of(parsed);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("must be a number");
    }

    public static Optional<String> text(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        }
        throw new IllegalArgumentException("must be a string");
    }

    /** A list of strings; absent means empty. */
    public static List<String> strings(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("must be a list of strings");
    }
}
