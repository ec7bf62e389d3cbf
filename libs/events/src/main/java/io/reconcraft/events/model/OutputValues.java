package io.reconcraft.events.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lenient reads of untrusted step outputs: what is not of the expected shape is left out, never an error. */
public final class OutputValues {

    private OutputValues() {
    }

    /** The objects in {@code value} when it is a list; anything else in it, or a non-list, is skipped. */
    public static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    maps.add(map);
                }
            }
        }
        return maps;
    }
}
