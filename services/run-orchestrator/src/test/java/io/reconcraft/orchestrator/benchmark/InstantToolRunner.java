package io.reconcraft.orchestrator.benchmark;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.MalformedEventException;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays a tool-runner that finishes every step the instant it is requested, and measures, per run, the
 * time from sending a StepCompleted to receiving the run's next StepRequested (meaningful for chains,
 * where one step is in flight at a time).
 */
final class InstantToolRunner implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread thread;
    private final Map<String, CompletableFuture<RunCompleted>> completions = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCompletedSent = new ConcurrentHashMap<>();
    private final List<Double> samples = new ArrayList<>();
    private volatile boolean running = true;

    InstantToolRunner(String bootstrapServers) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.TOOL_STEP_REQUESTS, Topics.FINDINGS_STEP_REQUESTS, Topics.RUN_EVENTS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        thread = new Thread(this::loop, "instant-tool-runner");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<RunCompleted> completionOf(String runId) {
        return completions.computeIfAbsent(runId, id -> new CompletableFuture<>());
    }

    void publish(EventEnvelope event) {
        byte[] value = EventCodec.write(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.runId(), value);
        record.headers().add(io.reconcraft.events.EventSignature.HEADER,
                io.reconcraft.testing.TestSigningKey.SIGNATURE.sign(event.topic(), value));
        producer.send(record);
    }

    synchronized List<Double> clearSamples() {
        List<Double> copy = List.copyOf(samples);
        samples.clear();
        return copy;
    }

    private void loop() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                EventEnvelope event;
                try {
                    event = EventCodec.read(record.value());
                } catch (MalformedEventException e) {
                    continue;
                }
                if (event.payload() instanceof StepRequested request) {
                    Long sent = lastCompletedSent.get(event.runId());
                    if (sent != null) {
                        record((now - sent) / 1e6);
                    }
                    lastCompletedSent.put(event.runId(), System.nanoTime());
                    publish(EventEnvelope.of(event.runId(), OrchestrationBenchmarkTest.succeeded(request)));
                } else if (event.payload() instanceof RunCompleted completed) {
                    lastCompletedSent.remove(event.runId());
                    completionOf(event.runId()).complete(completed);
                }
            }
        }
        consumer.close();
    }

    private synchronized void record(double millis) {
        samples.add(millis);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
