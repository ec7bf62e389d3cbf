package io.reconcraft.gateway.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.Topics;
import io.reconcraft.gateway.readmodel.ReadModelUpdater;
import io.reconcraft.messaging.ReadablePoll;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads run-events a poll at a time into the run read model, polling at once again unless the poll was a busy one
 * ({@link BusyPolls}); an unreadable record is dead-lettered. The read model hears of every rebalance: which runs it
 * alone writes follows from the partitions it reads.
 */
@Component
@RequiredArgsConstructor
public class RunEventsListener implements ConsumerSeekAware {

    private final ReadModelUpdater readModel;
    private final BusyPolls busyPolls;

    @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        ReadablePoll.apply(records, readModel::apply);
        busyPolls.after(records.size());
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        readModel.partitionsChanged();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        readModel.partitionsChanged();
    }
}
