package io.reconcraft.gateway.store;

import io.reconcraft.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The partitions of run-events this instance's read model reads. The reader of a run's partition is the only writer
 * of the run's view after its insert, so a view inserted here for a run whose partition is read here is exactly what
 * the store holds until the read model here writes it (see {@link WrittenRunViews}). A run's partition is the one
 * the producers' default partitioner picks for its key, the run id ({@link BuiltInPartitioner#partitionForKey}); every
 * record the read model reads is checked against that, and one found on another partition (another partitioner)
 * turns the belief off for good.
 */
@Component
public class ReadPartitions {

    private static final Logger log = LoggerFactory.getLogger(ReadPartitions.class);

    private final Set<Integer> read = new HashSet<>();
    private int partitions; // of the topic; 0 while unknown
    private boolean keysLandAsExpected = true;

    /** The read model now reads these partitions too, of {@code partitions} (0 when that is unknown). */
    public synchronized void assigned(Collection<Integer> assigned, int partitions) {
        read.addAll(assigned);
        this.partitions = partitions;
    }

    public synchronized void revoked(Collection<Integer> revoked) {
        read.removeAll(revoked);
    }

    /** Whether the read model here reads the partition of this run's events (false whenever that is not known). */
    public synchronized boolean readsRunOf(String runId) {
        return keysLandAsExpected && partitions > 0 && read.contains(partitionOf(runId, partitions));
    }

    /** A record the read model read: its key must be on the partition the default partitioner picks for it. */
    public synchronized void recordRead(String key, int partition) {
        if (key == null || partitions == 0 || !keysLandAsExpected) {
            return;
        }
        if (partitionOf(key, partitions) != partition) {
            keysLandAsExpected = false;
            log.warn("a record keyed {} arrived on partition {} of {}, not where the default partitioner puts it: runs "
                    + "inserted here are read from the store from now on", key, partition, Topics.RUN_EVENTS);
        }
    }

    static int partitionOf(String key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    }
}
