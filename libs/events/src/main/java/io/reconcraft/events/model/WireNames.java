package io.reconcraft.events.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Lower-case wire names for the closed enums, with an error that lists what is allowed. */
final class WireNames {

    /**
     * Each enum's names as they are written (lower case, with dashes or underscores): a status is read for every step
     * of a run in every pass over it, and comparing it with each constant's name, changed afresh each time, was 2–3 %
     * of the stack's CPU in a 1 → 1,000 → 1 fan-out (2026-12-06). Other spellings are still compared one by one.
     */
    private static final ClassValue<Map<String, Object>> WRITTEN = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> names = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name().toLowerCase(Locale.ROOT);
                names.putIfAbsent(name.replace('_', '-'), constant);
                names.putIfAbsent(name, constant);
            }
            return Map.copyOf(names);
        }
    };

    private WireNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value != null) {
            Object written = WRITTEN.get(type).get(value);
            if (written != null) {
                return type.cast(written);
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().replace('_', '-').equalsIgnoreCase(value.trim())
                        || constant.name().equalsIgnoreCase(value.trim())) {
                    return constant;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(InputEcho.quoted(value) + " is not one of: " + allowed);
    }
}
