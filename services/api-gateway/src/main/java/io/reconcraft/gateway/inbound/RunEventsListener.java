package io.reconcraft.gateway.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.Topics;
import io.reconcraft.gateway.readmodel.ReadModelUpdater;
import io.reconcraft.gateway.store.ReadPartitions;
import io.reconcraft.messaging.ReadablePoll;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Reads run-events a poll at a time into the run read model, polling at once again unless the stack is busy
 * ({@link BusyPolls}); an unreadable record is dead-lettered. The read model hears of every rebalance: which runs it
 * alone writes follows from the partitions it reads.
 */
@Component
@RequiredArgsConstructor
public class RunEventsListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(RunEventsListener.class);

    private final ReadModelUpdater readModel;
    private final BusyPolls busyPolls;
    private final ReadPartitions readPartitions;
    private final KafkaAdmin kafkaAdmin;

    @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        busyPolls.apply(records.size(), () -> {
            records.forEach(record -> readPartitions.recordRead(record.key(), record.partition()));
            ReadablePoll.apply(records, readModel::apply);
        });
    }

    // the partitions read are updated before the read model forgets what it wrote (see ReadPartitions)
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        readPartitions.assigned(numbers(assignments.keySet()), partitionsOfTheTopic());
        readModel.partitionsChanged();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        readPartitions.revoked(numbers(partitions));
        readModel.partitionsChanged();
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().filter(partition -> partition.topic().equals(Topics.RUN_EVENTS))
                .map(TopicPartition::partition).toList();
    }

    /** 0 when the broker does not say: then no run inserted here counts as read here. */
    private int partitionsOfTheTopic() {
        try {
            return kafkaAdmin.describeTopics(Topics.RUN_EVENTS).get(Topics.RUN_EVENTS).partitions().size();
        } catch (RuntimeException e) {
            log.warn("the partitions of {} are unknown, runs inserted here are read from the store: {}",
                    Topics.RUN_EVENTS, e.toString());
            return 0;
        }
    }
}
