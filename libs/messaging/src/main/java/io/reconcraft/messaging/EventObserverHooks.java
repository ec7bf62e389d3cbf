package io.reconcraft.messaging;

import io.reconcraft.events.EventEnvelope;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Tells every {@link EventObserver} of the events read and sent, through the record and batch interceptors and the
 * producer listener that Boot wires into the listener containers and the KafkaTemplate. Only where there is an observer.
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class)
@ConditionalOnBean(EventObserver.class)
public class EventObserverHooks {

    private static final Logger log = LoggerFactory.getLogger(EventObserverHooks.class);

    @Bean
    RecordInterceptor<Object, Object> eventObserverInterceptor(ObjectProvider<EventObserver> observers) {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                    Consumer<Object, Object> consumer) {
                tell(observers.orderedStream().toList(), record.value(), EventObserver::consumed);
                return record;
            }
        };
    }

    /** The same for listeners that take a poll at a time, which the record interceptor does not see. */
    @Bean
    BatchInterceptor<Object, Object> eventObserverBatchInterceptor(ObjectProvider<EventObserver> observers) {
        return new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                    Consumer<Object, Object> consumer) {
                List<EventObserver> told = observers.orderedStream().toList();
                for (ConsumerRecord<Object, Object> record : records) {
                    tell(told, record.value(), EventObserver::consumed);
                }
                return records;
            }
        };
    }

    @Bean
    ProducerListener<Object, Object> eventObserverProducerListener(ObjectProvider<EventObserver> observers) {
        // keeps the logging of failed sends that Boot's default listener does
        return new LoggingProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
                tell(observers.orderedStream().toList(), record.value(), EventObserver::published);
            }
        };
    }

    private static void tell(List<EventObserver> observers, Object value, BiConsumer<EventObserver, EventEnvelope> what) {
        if (!(value instanceof EventEnvelope event)) {
            return;
        }
        for (EventObserver observer : observers) {
            try {
                what.accept(observer, event);
            } catch (RuntimeException e) {
                log.debug("an event observer skipped an event: {}", e.toString());
            }
        }
    }
}
