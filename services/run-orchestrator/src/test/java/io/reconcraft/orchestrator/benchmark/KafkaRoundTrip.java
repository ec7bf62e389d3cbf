package io.reconcraft.orchestrator.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ideal hop: plain clients, no processing. A ping goes out, an echo thread consumes it and sends a
 * pong (acks=all, like the services), and the pong is consumed — the same shape as one orchestrator
 * step: StepRequested out, StepCompleted back.
 */
final class KafkaRoundTrip implements AutoCloseable {

    private static final String PING = "bench.ping";
    private static final String PONG = "bench.pong";

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    KafkaRoundTrip(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(PING, 1, (short) 1), new NewTopic(PONG, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the benchmark topics", e);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** {@code count} round trips, one at a time, in ms. */
    List<Double> measure(int count) throws Exception {
        try (KafkaConsumer<String, String> pings = consumer(PING); KafkaConsumer<String, String> pongs = consumer(PONG)) {
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(PING, "k", "ping-" + i)).get(30, TimeUnit.SECONDS);
                ConsumerRecord<String, String> ping = next(pings);
                producer.send(new ProducerRecord<>(PONG, "k", ping.value())).get(30, TimeUnit.SECONDS);
                next(pongs);
                samples.add((System.nanoTime() - start) / 1e6);
            }
            return samples;
        }
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        return consumer;
    }

    private static ConsumerRecord<String, String> next(KafkaConsumer<String, String> consumer) {
        while (true) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                return record;
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
