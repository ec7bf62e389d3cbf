package io.reconcraft.messaging;

import io.reconcraft.events.EventTypes;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Lets a listener's consumer read only the event types it uses, set as a consumer property of its
 * {@code @KafkaListener}: {@code properties = ReadEvents.PROPERTY + "=StepCompleted,StepStarted"}. The others are
 * passed over before they are verified or read (most of a run's events on {@code run-events} concern one or two of
 * its five consumers) and reach the listener marked {@link #NOT_READ_HEADER}, without a value; {@link ReadablePoll}
 * leaves them out. Nothing acts on a record passed over, so a forged one is refused by the consumers that read it.
 */
public final class ReadEvents {

    /** The consumer property: event type names, comma-separated; absent, every type is read. */
    public static final String PROPERTY = "reconcraft.events.read";
    /** Put by the deserializer on a record it passed over; the same header from a producer is removed first. */
    public static final String NOT_READ_HEADER = "reconcraft-not-read";

    private ReadEvents() {
    }

    /** True when the deserializer passed this record over (its type is not one the consumer reads). */
    public static boolean notRead(ConsumerRecord<?, ?> record) {
        return record.value() == null && record.headers().lastHeader(NOT_READ_HEADER) != null;
    }

    /** The configured types, checked against the known ones; null when the property is absent (read every type). */
    static Set<String> configured(Object property) {
        if (property == null) {
            return null;
        }
        Set<String> types = Arrays.stream(String.valueOf(property).split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        Set<String> unknown = types.stream().filter(name -> EventTypes.classOf(name).isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (types.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " must name known event types, comma-separated; got '"
                    + property + "'" + (unknown.isEmpty() ? "" : ", unknown: " + unknown));
        }
        return types;
    }
}
