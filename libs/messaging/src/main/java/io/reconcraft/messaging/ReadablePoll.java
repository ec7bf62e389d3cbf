package io.reconcraft.messaging;

import io.reconcraft.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * What a batch listener does with a poll that holds a record that could not be read (its value is null: the
 * deserializer refused it): the records before it are applied, then the error handler is handed that record, so
 * it goes to the dead-letter topic and the poll goes on after it. Records the consumer passed over unread
 * ({@link ReadEvents}) are left out.
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

    /**
     * Hands {@code apply} the records before the first unreadable one, without those the consumer passed over
     * ({@link ReadEvents}), then has the unreadable one dead-lettered.
     */
    public static void apply(List<ConsumerRecord<String, EventEnvelope>> records,
            Consumer<List<ConsumerRecord<String, EventEnvelope>>> apply) {
        List<ConsumerRecord<String, EventEnvelope>> readable = new ArrayList<>(records.size());
        ConsumerRecord<String, EventEnvelope> unreadable = null;
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            if (ReadEvents.notRead(record)) {
                continue;
            }
            if (record.value() == null) {
                unreadable = record;
                break;
            }
            readable.add(record);
        }
        apply.accept(readable);
        if (unreadable != null) {
            throw new BatchListenerFailedException("the event could not be read", unreadable);
        }
    }
}
