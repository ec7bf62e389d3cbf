package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "spring.kafka.consumer.group-id=dlt-test",
        "reconcraft.messaging.signing-key=" + DeadLetterRoutingTest.KEY})
class DeadLetterRoutingTest extends EmbeddedBrokerTest {

    static final String KEY = "dead-letter-routing-test-signing-key-0123456789";

    @Test
    void givenAMalformedMessageAheadOfAGoodOne_whenConsumed_thenTheBadOneIsDeadLetteredAndTheGoodOneStillArrives() {
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            // correctly signed, so it is the content that is refused
            byte[] value = "{not an event".getBytes(StandardCharsets.UTF_8);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RUN_EVENTS, "run-1", value);
            record.headers().add(EventSignature.HEADER, EventSignature.of(KEY).sign(Topics.RUN_EVENTS, value));
            raw.send(record);
            raw.flush();
        }
        EventEnvelope good = publisher.publish("run-1", new StepStarted("run-1:scan", "scan", 1, "runner-a"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(received.events).extracting(EventEnvelope::eventId).containsExactly(good.eventId()));

        ConsumerRecord<String, byte[]> deadLetter = readOne(Topics.deadLetterOf(Topics.RUN_EVENTS));
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).value(),
                StandardCharsets.UTF_8)).contains("not valid JSON");
    }
}
