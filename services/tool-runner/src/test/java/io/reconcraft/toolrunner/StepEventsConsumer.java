package io.reconcraft.toolrunner;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.messaging.EventDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A plain Kafka consumer that reads one topic from the beginning and keeps every event, for assertions. */
final class StepEventsConsumer implements AutoCloseable {

    private final KafkaConsumer<String, EventEnvelope> consumer;
    private final List<EventEnvelope> seen = new CopyOnWriteArrayList<>();

    StepEventsConsumer(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once more and answers every event of the run seen so far. */
    synchronized List<EventEnvelope> eventsOf(String runId) {
        for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(record.value());
        }
        return seen.stream().filter(event -> runId.equals(event.runId())).toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
