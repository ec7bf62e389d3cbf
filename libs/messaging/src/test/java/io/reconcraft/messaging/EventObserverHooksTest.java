package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class EventObserverHooksTest {

    private final EventObserverHooks hooks = new EventObserverHooks();
    private final List<String> told = new ArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final ObjectProvider<EventObserver> observers = new ObjectProvider<>() {
        @Override
        public EventObserver getObject() {
            throw new UnsupportedOperationException("the hooks ask for all observers");
        }

        @Override
        public Stream<EventObserver> orderedStream() {
            lookups.incrementAndGet();
            return Stream.of(new Recording("first"), new Recording("second"));
        }
    };

    @Test
    void givenTwoObservers_whenRecordsAreReadOneByOne_thenBothAreToldOfEachAndLookedUpOnce() {
        var interceptor = hooks.eventObserverInterceptor(observers);

        interceptor.intercept(record(event("run-1")), null);
        interceptor.intercept(record(event("run-2")), null);

        assertThat(told).containsExactly("first consumed run-1", "second consumed run-1",
                "first consumed run-2", "second consumed run-2");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void givenTwoObservers_whenAPollIsReadWhole_thenBothAreToldOfEachOfItsEvents() {
        var interceptor = hooks.eventObserverBatchInterceptor(observers);
        TopicPartition partition = new TopicPartition("reconcraft.run-events", 0);

        interceptor.intercept(new ConsumerRecords<>(Map.of(partition,
                List.of(record(event("run-1")), record(event("run-2")))), Map.of()), null);

        assertThat(told).containsExactly("first consumed run-1", "second consumed run-1",
                "first consumed run-2", "second consumed run-2");
    }

    @Test
    void givenTwoObservers_whenEventsAreSent_thenBothAreToldOnceTheBrokerAcknowledgedEachAndLookedUpOnce() {
        var listener = hooks.eventObserverProducerListener(observers);

        listener.onSuccess(new ProducerRecord<>("reconcraft.run-events", event("run-1")), null);
        listener.onSuccess(new ProducerRecord<>("reconcraft.run-events", "not an event"), null);
        listener.onSuccess(new ProducerRecord<>("reconcraft.run-events", event("run-2")), null);

        assertThat(told).containsExactly("first published run-1", "second published run-1",
                "first published run-2", "second published run-2");
        assertThat(lookups).hasValue(1);
    }

    private static EventEnvelope event(String runId) {
        return EventEnvelope.of(runId, new StepStarted(runId + ":a", "a", 1, "worker"));
    }

    private static ConsumerRecord<Object, Object> record(EventEnvelope event) {
        return new ConsumerRecord<>("reconcraft.run-events", 0, 0, event.runId(), event);
    }

    private final class Recording implements EventObserver {

        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public void consumed(EventEnvelope event) {
            told.add(name + " consumed " + event.runId());
        }

        @Override
        public void published(EventEnvelope event) {
            told.add(name + " published " + event.runId());
        }
    }
}
