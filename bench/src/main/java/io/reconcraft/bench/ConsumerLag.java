package io.reconcraft.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the stack's consumers are behind their topics. A run counts as finished once its final status is in the
 * read model, but the services that sort its findings, send its alerts and write its audit records may still be
 * working through its events: a phase that stops the clock (or the CPU meter) at the last run's end leaves that work
 * to the next phase. Waiting here until every active group has read everything makes each phase pay for its own runs.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /** Records appended and not yet committed, summed over the groups with members (the stack's services). */
    long total() throws ExecutionException, InterruptedException {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()
                        .inGroupStates(Set.of(GroupState.STABLE))).all().get().stream()
                .map(GroupListing::groupId).toList();
        long lag = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            offsets.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
        }
        return lag;
    }

    /** Waits until every active group has caught up (or {@code timeoutMillis} passed); the milliseconds waited. */
    long awaitCaughtUp(long timeoutMillis) throws ExecutionException, InterruptedException {
        long start = System.nanoTime();
        while (total() > 0 && (System.nanoTime() - start) / 1_000_000 < timeoutMillis) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        admin.close();
    }
}
