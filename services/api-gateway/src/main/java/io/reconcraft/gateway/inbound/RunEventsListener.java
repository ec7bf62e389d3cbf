package io.reconcraft.gateway.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.Topics;
import io.reconcraft.gateway.readmodel.ReadModelUpdater;
import io.reconcraft.messaging.ReadablePoll;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads run-events a poll at a time into the run read model; an unreadable record is dead-lettered. */
@Component
@RequiredArgsConstructor
public class RunEventsListener {

    private final ReadModelUpdater readModel;

    @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        ReadablePoll.apply(records, readModel::apply);
    }
}
