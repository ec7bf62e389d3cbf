package io.reconcraft.gateway;

import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A plain Kafka consumer, outside Spring, that reads what the gateway really put on a topic. */
final class TopicReader {

    private TopicReader() {
    }

    /** The first event on {@code topic} that {@code wanted} accepts (records that are not events are skipped). */
    static EventEnvelope awaitEvent(String bootstrapServers, String topic, Predicate<EventEnvelope> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AtomicReference<EventEnvelope> found = new AtomicReference<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope event = EventCodec.read(record.value());
                    if (found.get() == null && wanted.test(event)) {
                        found.set(event);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    /** The first event of run {@code runId} on {@code topic}. */
    static EventEnvelope awaitEventFor(String bootstrapServers, String topic, String runId) {
        return awaitEvent(bootstrapServers, topic, event -> runId.equals(event.runId()));
    }
}
