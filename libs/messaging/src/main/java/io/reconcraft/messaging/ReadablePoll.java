package io.reconcraft.messaging;

import io.reconcraft.events.EventEnvelope;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * What a batch listener does with a poll that holds a record that could not be read (its value is null: the
 * deserializer refused it): the records before it are applied, then the error handler is handed that record, so
 * it goes to the dead-letter topic and the poll goes on after it.
 */
public final class ReadablePoll {

    private ReadablePoll() {
    }

    /**
     * {@link #apply}, with the readable records applied together first (one write for the poll); should that throw,
     * they are applied one at a time, so that the one that fails is retried and dead-lettered alone and the ones
     * before it are committed. {@code apply} must tolerate records it applied already.
     */
    public static void applyTogetherOrOneByOne(List<ConsumerRecord<String, EventEnvelope>> records,
            Consumer<List<ConsumerRecord<String, EventEnvelope>>> apply) {
        apply(records, readable -> {
            try {
                apply.accept(readable);
            } catch (RuntimeException together) {
                for (ConsumerRecord<String, EventEnvelope> record : readable) {
                    try {
                        apply.accept(List.of(record));
                    } catch (RuntimeException failed) {
                        throw new BatchListenerFailedException(failed.getMessage(), failed, record);
                    }
                }
            }
        });
    }

    public static void apply(List<ConsumerRecord<String, EventEnvelope>> records,
            Consumer<List<ConsumerRecord<String, EventEnvelope>>> apply) {
        int unreadable = -1;
        for (int i = 0; i < records.size() && unreadable < 0; i++) {
            if (records.get(i).value() == null) {
                unreadable = i;
            }
        }
        apply.accept(unreadable < 0 ? records : records.subList(0, unreadable));
        if (unreadable >= 0) {
            throw new BatchListenerFailedException("the event could not be read", records.get(unreadable));
        }
    }
}
