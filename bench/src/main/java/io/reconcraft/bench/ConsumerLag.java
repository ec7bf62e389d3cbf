package io.reconcraft.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
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

    /**
     * Each group with members (the stack's services) and the records appended to its topics that it has not
     * committed yet; only the groups behind.
     */
    Map<String, Long> byGroup() throws ExecutionException, InterruptedException {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()
                        .inGroupStates(Set.of(GroupState.STABLE))).all().get().stream()
                .map(GroupListing::groupId).sorted().toList();
        Map<String, Long> behind = new LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            offsets.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            if (lag > 0) {
                behind.put(group, lag);
            }
        }
        return behind;
    }

    /**
     * Waits until every active group has caught up (or {@code timeoutMillis} passed): how long that took, and
     * which groups were behind by how many records when the wait began.
     */
    CatchUp awaitCaughtUp(long timeoutMillis) throws ExecutionException, InterruptedException {
        long start = System.nanoTime();
        Map<String, Long> behindAtStart = byGroup();
        for (Map<String, Long> behind = behindAtStart; !behind.isEmpty()
                && (System.nanoTime() - start) / 1_000_000 < timeoutMillis; behind = byGroup()) {
            Thread.sleep(20);
        }
        return new CatchUp((System.nanoTime() - start) / 1_000_000, behindAtStart);
    }

    record CatchUp(long millis, Map<String, Long> behindAtStart) {

        /** "findings 1,234, audit 56" — or "none". */
        String behind() {
            return behindAtStart.isEmpty() ? "none" : behindAtStart.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
