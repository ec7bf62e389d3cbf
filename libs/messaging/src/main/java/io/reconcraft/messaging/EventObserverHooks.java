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
import org.springframework.util.function.SingletonSupplier;

/**
 * Tells every {@link EventObserver} of the events read and sent, through the record and batch interceptors and the
 * producer listener that Boot wires into the listener containers and the KafkaTemplate. Only where there is an observer.
 * The observers are looked up once, at the first event: a lookup in the bean factory (autowire candidates resolved
 * again) per record and per send was 1.5 % of the services' sampled CPU under load (bench/RESULTS.md, 2026-12-05).
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class)
@ConditionalOnBean(EventObserver.class)
public class EventObserverHooks {

    private static final Logger log = LoggerFactory.getLogger(EventObserverHooks.class);

    @Bean
    RecordInterceptor<Object, Object> eventObserverInterceptor(ObjectProvider<EventObserver> provider) {
        SingletonSupplier<List<EventObserver>> observers = once(provider);
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                    Consumer<Object, Object> consumer) {
                tell(observers.obtain(), record.value(), EventObserver::consumed);
                return record;
            }
        };
    }

    /** The same for listeners that take a poll at a time, which the record interceptor does not see. */
    @Bean
    BatchInterceptor<Object, Object> eventObserverBatchInterceptor(ObjectProvider<EventObserver> provider) {
        SingletonSupplier<List<EventObserver>> observers = once(provider);
        return new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                    Consumer<Object, Object> consumer) {
                List<EventObserver> told = observers.obtain();
                for (ConsumerRecord<Object, Object> record : records) {
                    tell(told, record.value(), EventObserver::consumed);
                }
                return records;
            }
        };
    }

    @Bean
    ProducerListener<Object, Object> eventObserverProducerListener(ObjectProvider<EventObserver> provider) {
        SingletonSupplier<List<EventObserver>> observers = once(provider);
        // keeps the logging of failed sends that Boot's default listener does
        return new LoggingProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
                tell(observers.obtain(), record.value(), EventObserver::published);
            }
        };
    }

    // not at creation: an observer may depend on beans that need these hooks first (the KafkaTemplate)
    private static SingletonSupplier<List<EventObserver>> once(ObjectProvider<EventObserver> provider) {
        return SingletonSupplier.of(() -> provider.orderedStream().toList());
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
