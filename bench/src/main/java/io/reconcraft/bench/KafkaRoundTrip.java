package io.reconcraft.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under our pipeline: one message in flight, produced and consumed on the same broker
 * with plain clients. A run needs several such hops, so the ratio to this says what we add.
 */
final class KafkaRoundTrip {

    private KafkaRoundTrip() {
    }

    static Percentiles measure(String bootstrap, int samples) throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0);
        List<Double> millis = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            int warmup = Math.min(50, samples / 5);
            for (int i = 0; i < samples + warmup; i++) {
                String payload = "sample-" + i;
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "key", payload)).get();
                boolean received = false;
                while (!received) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1))) {
                        received |= record.value().equals(payload);
                    }
                }
                if (i >= warmup) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        return Percentiles.of(millis);
    }
}
