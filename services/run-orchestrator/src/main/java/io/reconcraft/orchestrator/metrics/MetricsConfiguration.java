package io.reconcraft.orchestrator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.reconcraft.events.EventEnvelope;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Feeds {@link RunMetrics} from Spring Kafka's own hooks (Boot wires a RecordInterceptor bean into the
 * listener containers and a ProducerListener into the KafkaTemplate), so no listener or engine class changes.
 * A metric must never fail a record: errors are logged and swallowed.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MetricsConfiguration.class);

    @Bean
    RunMetrics runMetrics(MeterRegistry registry) {
        return new RunMetrics(registry);
    }

    @Bean
    RecordInterceptor<Object, Object> runMetricsInterceptor(RunMetrics metrics) {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                    Consumer<Object, Object> consumer) {
                if (record.value() instanceof EventEnvelope event) {
                    try {
                        metrics.consumed(event);
                    } catch (RuntimeException e) {
                        log.debug("metrics skipped an event: {}", e.toString());
                    }
                }
                return record;
            }
        };
    }

    @Bean
    ProducerListener<Object, Object> runMetricsProducerListener(RunMetrics metrics) {
        // keeps the logging of failed sends that Boot's default listener does
        return new LoggingProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
                if (record.value() instanceof EventEnvelope event) {
                    try {
                        metrics.published(event);
                    } catch (RuntimeException e) {
                        log.debug("metrics skipped an event: {}", e.toString());
                    }
                }
            }
        };
    }
}
