package io.reconcraft.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a run's partition is read here: known only with the topic's partitions, and only while keys land as expected. */
class ReadPartitionsTest {

    private static final String RUN = "6b12c9bd2a3616efb9e6d8d8";

    private final ReadPartitions partitions = new ReadPartitions();

    @Test
    void givenEveryPartitionReadHere_whenAskedForARun_thenItIsReadHere() {
        partitions.assigned(List.of(0, 1, 2), 3);

        assertThat(partitions.readsRunOf(RUN)).isTrue();
    }

    @Test
    void givenTheRunsPartitionRevoked_whenAskedForTheRun_thenItIsNotReadHere() {
        int runs = ReadPartitions.partitionOf(RUN, 3);
        partitions.assigned(List.of(0, 1, 2), 3);

        partitions.revoked(List.of(runs));

        assertThat(partitions.readsRunOf(RUN)).isFalse();
    }

    @Test
    void givenTheTopicsPartitionsUnknown_whenAskedForARun_thenItIsNotReadHere() {
        partitions.assigned(List.of(0), 0);

        assertThat(partitions.readsRunOf(RUN)).isFalse();
    }

    @Test
    void givenARecordOnAnotherPartitionThanItsKeysOwn_whenAskedForARun_thenNoRunIsReadHereAnyMore() {
        partitions.assigned(List.of(0, 1, 2), 3);
        partitions.recordRead("another-run", ReadPartitions.partitionOf("another-run", 3));
        assertThat(partitions.readsRunOf(RUN)).isTrue();

        partitions.recordRead("another-run", (ReadPartitions.partitionOf("another-run", 3) + 1) % 3);

        assertThat(partitions.readsRunOf(RUN)).isFalse();
    }
}
