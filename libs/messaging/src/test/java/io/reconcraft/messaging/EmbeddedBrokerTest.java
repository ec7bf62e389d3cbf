package io.reconcraft.messaging;

import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * The library in an application of its own ({@link ListeningApp}: a listener on run-events reading every event, one
 * reading StepCompleted only) on an embedded broker,
 * with raw access to that broker: records written past the library, and records read back as bytes. A test names
 * its own consumer group and signing key with {@code @TestPropertySource}.
 */
@SpringBootTest(classes = EmbeddedBrokerTest.ListeningApp.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "reconcraft.kafka.partitions=1"})
@EmbeddedKafka(partitions = 1)
abstract class EmbeddedBrokerTest {

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ReceivedEvents received;
    @Autowired
    SelectivelyReadEvents selectivelyRead;
    @Autowired
    EventPublisher publisher;

    /** A listener container as the customizer of {@code context} (a service's configuration) leaves it. */
    @SuppressWarnings("unchecked")
    static ConcurrentMessageListenerContainer<Object, Object> customizedContainer(ApplicationContext context) {
        ConcurrentMessageListenerContainer<Object, Object> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties(Topics.RUN_EVENTS));
        context.getBean(ContainerCustomizer.class).configure(container);
        return container;
    }

    /** A producer that sends bytes as given: no signature unless the test adds one. */
    KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The one record on {@code topic} (fails when there are more, or none within 30 s). */
    ConsumerRecord<String, byte[]> readOne(String topic) {
        try (Consumer<String, byte[]> consumer = rawConsumer("dlt-reader")) {
            consumer.subscribe(List.of(topic));
            return KafkaTestUtils.getSingleRecord(consumer, topic, Duration.ofSeconds(30));
        }
    }

    /** The records on {@code topic} from its start, read until {@code done} holds for them (at most 30 s). */
    List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = rawConsumer("reader-" + System.nanoTime())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(200));
                polled.forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    private Consumer<String, byte[]> rawConsumer(String group) {
        Map<String, Object> config = KafkaTestUtils.consumerProps(broker, group, false);
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
    }

    static class ReceivedEvents {
        final List<EventEnvelope> events = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.RUN_EVENTS)
        void on(EventEnvelope event) {
            events.add(event);
        }
    }

    /** A poll at a time, in a group of its own, reading StepCompleted only. */
    static class SelectivelyReadEvents {
        final List<EventEnvelope> events = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.RUN_EVENTS, batch = "true", groupId = "${spring.kafka.consumer.group-id}-selective",
                properties = ReadEvents.PROPERTY + "=StepCompleted")
        void on(List<ConsumerRecord<String, EventEnvelope>> records) {
            ReadablePoll.apply(records, readable -> readable.forEach(record -> events.add(record.value())));
        }
    }

    @SpringBootApplication
    static class ListeningApp {
        @Bean
        ReceivedEvents receivedEvents() {
            return new ReceivedEvents();
        }

        @Bean
        SelectivelyReadEvents selectivelyReadEvents() {
            return new SelectivelyReadEvents();
        }
    }
}
