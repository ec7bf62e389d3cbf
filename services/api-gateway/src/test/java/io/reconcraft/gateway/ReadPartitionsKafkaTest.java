package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.gateway.store.ReadPartitions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The partition ReadPartitions expects for a run id is the one Kafka's producer puts the run's records on. */
class ReadPartitionsKafkaTest extends GatewayTestSupport {

    @Test
    void givenRecordsKeyedByRunIds_whenTheProducerSendsThem_thenEachLandsOnThePartitionReadPartitionsExpects()
            throws Exception {
        String topic = "read-partitions-" + UUID.randomUUID();
        int partitions = 7;
        Map<String, Object> config = Map.of("bootstrap.servers", KAFKA.getBrokersAsString());
        try (AdminClient admin = AdminClient.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        ReadPartitions readHere = new ReadPartitions();
        readHere.assigned(List.of(0), partitions);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 40; i++) {
                String runId = new ObjectId().toHexString();
                int landed = producer.send(new ProducerRecord<>(topic, runId, "{}")).get(30, TimeUnit.SECONDS)
                        .partition();

                readHere.recordRead(runId, landed);
                assertThat(readHere.readsRunOf(runId)).as("run %s on partition %d", runId, landed)
                        .isEqualTo(landed == 0);
            }
        }
    }
}
