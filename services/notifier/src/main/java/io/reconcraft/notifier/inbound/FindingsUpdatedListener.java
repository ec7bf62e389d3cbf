package io.reconcraft.notifier.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.FindingsUpdated;
import io.reconcraft.events.Topics;
import io.reconcraft.notifier.store.DeliveryStore;
import io.reconcraft.notifier.delivery.DeliveryWorker;
import io.reconcraft.messaging.ReadEvents;
import io.reconcraft.messaging.ReadablePoll;
import io.reconcraft.notifier.store.FindingChangesStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the findings service's sorting of each node result (FindingsUpdated on {@code run-events}) for the onlyNew
 * steps, and wakes the run's steps that wait for it. Everything else on the topic is skipped unread.
 */
@Component
@RequiredArgsConstructor
public class FindingsUpdatedListener {

    private final FindingChangesStore changes;
    private final DeliveryStore deliveries;
    private final DeliveryWorker worker;
    private final Clock clock;

    // Only onlyNew steps wait on this, and they wait for a sorting that itself follows the step's result: a fetch
    // may gather up to 100 ms of the run-events topic, so a busy stack is read in few large polls, each kept with
    // one write and followed by one wake-up of the runs it names.
    @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true",
            properties = {"fetch.min.bytes=65536", "fetch.max.wait.ms=100", ReadEvents.PROPERTY + "=FindingsUpdated"})
    public void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        ReadablePoll.applyTogetherOrOneByOne(records, this::apply);
    }

    private void apply(List<ConsumerRecord<String, EventEnvelope>> records) {
        List<FindingChangesStore.NodeSorting> sortings = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope event = record.value();
            if (event.payload() instanceof FindingsUpdated updated && event.runId() != null
                    && isNodeResult(event.runId(), updated)) {
                sortings.add(new FindingChangesStore.NodeSorting(event.runId(), updated));
            }
        }
        if (sortings.isEmpty()) {
            return;
        }
        changes.saveAll(sortings, clock.instant());
        Set<String> runs = new LinkedHashSet<>();
        sortings.forEach(sorting -> runs.add(sorting.runId()));
        if (deliveries.wakeAwaiting(runs, clock.instant())) {
            worker.kick();
        }
    }

    /** The sorting of a node's result (what its downstream steps receive), not the run-end resolutions nor a fan-out task. */
    static boolean isNodeResult(String runId, FindingsUpdated updated) {
        return updated.nodeId() != null && updated.stepId() != null && updated.stepId().equals(runId + ":" + updated.nodeId());
    }
}
