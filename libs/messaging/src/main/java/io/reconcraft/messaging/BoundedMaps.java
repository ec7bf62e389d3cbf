package io.reconcraft.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service remembers between two events it reads (a run's trigger, a step's channel, a step attempt's start):
 * at most {@code max} entries, so a partner event that never comes cannot grow the heap. The oldest insertion is
 * forgotten first; reading an entry does not make it younger.
 */
public final class BoundedMaps {

    private BoundedMaps() {
    }

    /** A thread-safe map of at most {@code max} entries that forgets the oldest-inserted one first. */
    public static <K, V> Map<K, V> forgettingOldest(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(max, 256), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        });
    }
}
