package io.reconcraft.messaging;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka conventions every service shares: events as JSON envelopes keyed by run id, topics
 * declared with enough partitions to scale out, and a record that cannot be read or handled is
 * parked on {@code <topic>.dlt} instead of blocking its partition.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({MessagingProperties.class, SigningProperties.class})
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    /** The key every event is signed and verified with; without one (and not in dev mode) the service does not start. */
    @Bean
    @ConditionalOnMissingBean
    EventSignature eventSignature(SigningProperties properties, Environment environment) {
        return EventSigningKey.resolve(properties, environment);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventProducerSerializers(EventSignature signature) {
        return factory -> {
            // byte[] values are dead letters being forwarded as they arrived.
            Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
            byType.put(EventEnvelope.class, new EventSerializer(signature));
            byType.put(byte[].class, new ByteArraySerializer());
            @SuppressWarnings({"unchecked", "rawtypes"})
            DefaultKafkaProducerFactory producers = factory;
            producers.setKeySerializer(new StringSerializer());
            producers.setValueSerializer(new DelegatingByTypeSerializer(byType));
            if (!producers.getConfigurationProperties().containsKey(ProducerConfig.MAX_BLOCK_MS_CONFIG)) {
                // A send that cannot even start (no broker metadata) fails within seconds instead of a minute.
                producers.updateConfigs(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000));
            }
            if (!producers.getConfigurationProperties().containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
                // Kafka 4's default of 5 ms is paid on every hop a run makes, most of them by a sender waiting for
                // the acknowledgement; under load, records still batch while earlier requests are in flight.
                producers.updateConfigs(Map.of(ProducerConfig.LINGER_MS_CONFIG, 1));
            }
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventConsumerDeserializers(EventSignature signature) {
        return factory -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            DefaultKafkaConsumerFactory consumers = factory;
            consumers.setKeyDeserializer(new StringDeserializer());
            // one per consumer: each is configured with its listener's properties (the event types it reads)
            consumers.setValueDeserializerSupplier(
                    () -> new ErrorHandlingDeserializer<>(new EventDeserializer(signature)));
            if (!consumers.getConfigurationProperties().containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                // A service that starts after events were produced must still see them.
                consumers.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> template) {
        return new EventPublisher(template);
    }

    /**
     * How each listener commits its offsets ({@link MessagingProperties#awaitCommits()},
     * {@link MessagingProperties#commitInterval()}); with neither set, after every poll, waiting for the broker.
     *
     * <p>Kafka 4's group coordinator holds each offset commit up to 5 ms ({@code group.coordinator.append.linger.ms}) to
     * batch its writes, and a listener that commits synchronously cannot poll meanwhile: the record a run waits for
     * next waited out the commit of the poll before it. With the wait off a listener polls again at once: right where
     * its work per record does not shrink in bigger polls; a listener whose cost is per poll then needs another way
     * to keep its polls full under load (the gateway's read model pauses after a busy poll).
     *
     * <p>A listener that polls again at once also commits once per poll, and its polls are small: a commit per poll
     * cost the stack ~5 % of its CPU at 50 runs/s (client, broker request and group coordinator threads; profile of
     * 2026-12-05). With an interval it commits what it has handled at most once per interval, and when it stops or
     * loses partitions; the poll returns at least that often, so an idle listener's last records are committed too.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> listenerCommits(
            MessagingProperties properties) {
        return container -> {
            ContainerProperties settings = container.getContainerProperties();
            if (!properties.awaitCommits()) {
                settings.setSyncCommits(false);
            }
            Duration interval = properties.commitInterval();
            if (interval != null) {
                settings.setAckMode(ContainerProperties.AckMode.TIME);
                settings.setAckTime(interval.toMillis());
                settings.setPollTimeout(Math.min(settings.getPollTimeout(), interval.toMillis()));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template, MessagingProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> {
                    log.warn("dead-lettering record {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), reason(exception));
                    return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
                });
        return new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.processingRetries()));
    }

    @Bean
    @ConditionalOnProperty(name = "reconcraft.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics reconcraftTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), 1, properties.replicas()));
        }
        // one partition and compaction: the newest record under the one key is the whole allow-list
        topics.add(new NewTopic(Topics.AUTHORIZED_TARGETS, 1, properties.replicas())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Our own explanation of a malformed event where there is one, else the innermost cause. */
    private static String reason(Throwable exception) {
        Throwable current = exception;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof io.reconcraft.events.MalformedEventException)) {
            current = current.getCause();
        }
        return current.getMessage();
    }
}
