package io.reconcraft.testing;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.Topics;
import io.reconcraft.events.MalformedEventException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The test's own view of the broker: publishes events as another service would, reads every event on
 * the given topics in order, and tells when a consumer group has processed a given record — which is
 * how a test proves that something was NOT emitted without waiting an arbitrary time.
 */
public final class EventTap implements AutoCloseable {

    public record Seen(String topic, EventEnvelope event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<Seen> seen = new ArrayList<>();

    public EventTap(String bootstrapServers, List<String> topics) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public RecordMetadata publish(String runId, EventPayload payload) {
        EventEnvelope event = EventEnvelope.of(runId, payload);
        return publish(event);
    }

    public RecordMetadata publish(EventEnvelope event) {
        try {
            return publishAsync(event).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes signed with the services' (test) key, as a genuine service would. */
    public java.util.concurrent.Future<RecordMetadata> publishAsync(EventEnvelope event) {
        byte[] value = EventCodec.write(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), Topics.keyOf(event), value);
        record.headers().add(EventSignature.HEADER, TestSigningKey.SIGNATURE.sign(event.topic(), value));
        return producer.send(record);
    }

    /** Publishes bytes as they are, without a signature, as a broken or hostile producer would. */
    public RecordMetadata publishRaw(String topic, String key, byte[] value) {
        return publishRaw(new ProducerRecord<>(topic, key, value));
    }

    /** Publishes a record exactly as given (headers included), as a hostile producer would. */
    public RecordMetadata publishRaw(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads until this tap has seen everything that is on its topics right now. */
    public synchronized List<Seen> drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                try {
                    seen.add(new Seen(record.topic(), EventCodec.read(record.value())));
                } catch (MalformedEventException e) {
                    // not an event: not ours to look at
                }
            }
        }
        return List.copyOf(seen);
    }

    public List<EventEnvelope> eventsOf(String runId) {
        return drain().stream().map(Seen::event).filter(e -> runId.equals(e.runId())).toList();
    }

    public <P extends EventPayload> List<P> payloadsOf(String runId, Class<P> type) {
        return eventsOf(runId).stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast).toList();
    }

    /** Whether {@code group} has committed past the record at {@code metadata}, i.e. finished handling it. */
    public boolean processed(String group, RecordMetadata metadata) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            OffsetAndMetadata committed = offsets.get(new TopicPartition(metadata.topic(), metadata.partition()));
            return committed != null && committed.offset() > metadata.offset();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
        admin.close();
    }
}
