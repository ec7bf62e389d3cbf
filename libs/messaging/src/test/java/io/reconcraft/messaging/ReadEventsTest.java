package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A consumer that reads some event types only is handed those, in order, and the others do not hold it up. */
@TestPropertySource(properties = {
        "spring.kafka.consumer.group-id=read-events-test",
        "reconcraft.messaging.signing-key=read-events-test-signing-key-0123456789abcdef"})
class ReadEventsTest extends EmbeddedBrokerTest {

    @Test
    void givenARunsEventsWithAForgedOneAmongThem_whenReadByAConsumerOfStepCompletedOnly_thenItIsHandedExactlyTheGenuineStepCompletedOnes() {
        EventEnvelope started = publisher.publish("run-1", new StepStarted("run-1:scan", "scan", 1, "runner-a"));
        EventEnvelope log = publisher.publish("run-1", new StepLog("run-1:scan", "scan", 1, List.of("scanning")));
        EventEnvelope first = publisher.publish("run-1", completed("scan"));
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            EventEnvelope forged = EventEnvelope.of("run-1", completed("forged"));
            raw.send(new ProducerRecord<>(Topics.RUN_EVENTS, "run-1", EventCodec.write(forged)));
            raw.flush();
        }
        EventEnvelope second = publisher.publish("run-1", completed("probe"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(received.events).extracting(EventEnvelope::eventId)
                    .containsExactly(started.eventId(), log.eventId(), first.eventId(), second.eventId());
            assertThat(selectivelyRead.events).extracting(EventEnvelope::eventId)
                    .containsExactly(first.eventId(), second.eventId());
        });
    }

    private static StepCompleted completed(String node) {
        return new StepCompleted("run-1:" + node, node, 1, RunStatus.SUCCEEDED, null, null,
                List.of(), Map.of());
    }
}
