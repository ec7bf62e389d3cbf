package io.reconcraft.launcher.e2e;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.MalformedEventException;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every event topic from the beginning, as an outside subscriber would, and remembers the event ids per run. */
final class EventTap implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Set<String>> eventIdsByRun = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private EventTap(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-tap-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000),
                new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::poll, "e2e-event-tap");
        thread.setDaemon(true);
    }

    static EventTap start(String bootstrap) {
        EventTap tap = new EventTap(bootstrap);
        tap.consumer.subscribe(Topics.ALL);
        tap.thread.start();
        return tap;
    }

    Set<String> eventIdsOfRun(String runId) {
        return Set.copyOf(eventIdsByRun.getOrDefault(runId, Set.of()));
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        EventEnvelope event = EventCodec.read(record.value());
                        if (event.runId() != null) {
                            eventIdsByRun.computeIfAbsent(event.runId(), id -> ConcurrentHashMap.newKeySet())
                                    .add(event.eventId());
                        }
                    } catch (MalformedEventException e) {
                        // not an event of ours; the services dead-letter it
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
