package io.reconcraft.audit.support;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as the other services would, and tells when a consumer group has handled one. */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    public TestProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public RecordMetadata publish(EventEnvelope event) {
        try {
            return producer.send(new ProducerRecord<>(event.topic(), event.runId(), EventCodec.write(event)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting; the future completes with the broker's acknowledgement. */
    public java.util.concurrent.Future<RecordMetadata> publishAsync(EventEnvelope event) {
        return producer.send(new ProducerRecord<>(event.topic(), event.runId(), EventCodec.write(event)));
    }

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
        producer.close();
        admin.close();
    }
}
