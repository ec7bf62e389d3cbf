package io.reconcraft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.AuthorizedTargetsSnapshot;
import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The executors' authoritative allow-list: every change to the targets is published, signed, as a whole. */
class AuthorizedTargetsPublishingTest extends GatewayTestSupport {

    @Test
    void givenATargetAddedThenDeleted_whenTheAllowListTopicIsRead_thenItsNewestSignedSnapshotFollowsEachChange() {
        String id = post("/api/targets", Map.of("value", "10.77.0.0/24")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(newestSnapshot().entries()).contains("10.77.0.0/24"));

        delete("/api/targets/" + id).exchange().expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(newestSnapshot().entries()).doesNotContain("10.77.0.0/24"));
    }

    /** The last record on the compacted topic, after checking that it carries the services' signature. */
    private AuthorizedTargetsSnapshot newestSnapshot() {
        TopicPartition partition = new TopicPartition(Topics.AUTHORIZED_TARGETS, 0);
        AtomicReference<ConsumerRecord<String, byte[]>> last = new AtomicReference<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(last::set);
            }
        }
        ConsumerRecord<String, byte[]> record = last.get();
        assertThat(record).as("a snapshot on " + Topics.AUTHORIZED_TARGETS).isNotNull();
        assertThat(record.key()).isEqualTo(Topics.AUTHORIZED_TARGETS_KEY);
        assertThat(EventSignature.of(SIGNING_KEY).verifies(Topics.AUTHORIZED_TARGETS, record.value(),
                record.headers().lastHeader(EventSignature.HEADER).value())).isTrue();
        return EventCodec.read(record.value()).payloadAs(AuthorizedTargetsSnapshot.class);
    }
}
