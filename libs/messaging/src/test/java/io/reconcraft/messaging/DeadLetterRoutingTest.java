package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

@SpringBootTest(classes = DeadLetterRoutingTest.ListeningApp.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=dlt-test",
        "reconcraft.kafka.partitions=1",
        "reconcraft.messaging.signing-key=" + DeadLetterRoutingTest.KEY})
@EmbeddedKafka(partitions = 1)
class DeadLetterRoutingTest {

    static final String KEY = "dead-letter-routing-test-signing-key-0123456789";

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ReceivedEvents received;
    @Autowired
    EventPublisher publisher;

    @Test
    void givenAMalformedMessageAheadOfAGoodOne_whenConsumed_thenTheBadOneIsDeadLetteredAndTheGoodOneStillArrives() {
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            // correctly signed, so it is the content that is refused
            byte[] value = "{not an event".getBytes(StandardCharsets.UTF_8);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RUN_EVENTS, "run-1", value);
            record.headers().add(EventSignature.HEADER, EventSignature.of(KEY).sign(Topics.RUN_EVENTS, value));
            raw.send(record);
            raw.flush();
        }
        EventEnvelope good = publisher.publish("run-1", new StepStarted("run-1:scan", "scan", 1, "runner-a"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(received.events).extracting(EventEnvelope::eventId).containsExactly(good.eventId()));

        ConsumerRecord<String, byte[]> deadLetter = readOne(Topics.deadLetterOf(Topics.RUN_EVENTS));
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).value(),
                StandardCharsets.UTF_8)).contains("not valid JSON");
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private ConsumerRecord<String, byte[]> readOne(String topic) {
        Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "dlt-reader", false);
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(topic));
            return KafkaTestUtils.getSingleRecord(consumer, topic, Duration.ofSeconds(30));
        }
    }

    static class ReceivedEvents {
        final List<EventEnvelope> events = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.RUN_EVENTS)
        void on(EventEnvelope event) {
            events.add(event);
        }
    }

    @SpringBootApplication
    static class ListeningApp {
        @Bean
        ReceivedEvents receivedEvents() {
            return new ReceivedEvents();
        }
    }
}
