package io.reconcraft.events.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lower-case wire names for the closed enums, with an error that lists what is allowed. */
final class WireNames {
    private WireNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value != null) {
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
        throw new IllegalArgumentException("'" + value + "' is not one of: " + allowed);
    }
}
