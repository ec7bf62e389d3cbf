package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedMapsTest {

    @Test
    void givenAFullMap_whenOneMoreIsPut_thenTheOldestInsertedIsForgottenEvenIfItWasJustRead() {
        Map<String, Integer> map = BoundedMaps.forgettingOldest(3);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        map.get("a");

        map.put("d", 4);

        assertThat(map).containsOnlyKeys("b", "c", "d");
    }

    @Test
    void givenManyPutsFromSeveralThreads_whenDone_thenTheMapHoldsExactlyItsBound() {
        Map<Integer, Integer> map = BoundedMaps.forgettingOldest(100);

        IntStream.range(0, 10_000).parallel().forEach(i -> map.put(i, i));

        assertThat(map).hasSize(100);
    }

    @Test
    void givenABoundBelowOne_whenCreated_thenItIsRefused() {
        assertThatThrownBy(() -> BoundedMaps.forgettingOldest(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
