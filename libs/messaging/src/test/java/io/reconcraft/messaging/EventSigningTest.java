package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.TestPropertySource;

/** Events travel signed; a record without the service key's signature never reaches a listener. */
@TestPropertySource(properties = {
        "spring.kafka.consumer.group-id=signing-test",
        "reconcraft.messaging.signing-key=" + EventSigningTest.KEY})
class EventSigningTest extends EmbeddedBrokerTest {

    static final String KEY = "event-signing-test-key-of-the-services-0123456789";

    @Test
    void givenForgedEventsAheadOfAGenuineOne_whenConsumed_thenOnlyTheGenuineOneArrivesAndTheForgedOnesAreDeadLettered() {
        EventEnvelope unsigned = EventEnvelope.of("run-1", new StepStarted("run-1:a", "a", 1, "forger"));
        EventEnvelope wronglySigned = EventEnvelope.of("run-1", new StepStarted("run-1:b", "b", 1, "forger"));
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(Topics.RUN_EVENTS, "run-1", EventCodec.write(unsigned)));
            byte[] value = EventCodec.write(wronglySigned);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RUN_EVENTS, "run-1", value);
            record.headers().add(EventSignature.HEADER,
                    EventSignature.of("a-key-the-forger-made-up-0123456789abcdef").sign(Topics.RUN_EVENTS, value));
            raw.send(record);
            raw.flush();
        }
        EventEnvelope genuine = publisher.publish("run-1", new StepStarted("run-1:c", "c", 1, "runner-a"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(received.events).filteredOn(e -> "run-1".equals(e.runId()))
                        .extracting(EventEnvelope::eventId).containsExactly(genuine.eventId()));
        List<ConsumerRecord<String, byte[]>> deadLetters = readUntil(Topics.deadLetterOf(Topics.RUN_EVENTS),
                records -> records.size() >= 2);
        assertThat(deadLetters).extracting(r -> new String(r.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)
                .value(), StandardCharsets.UTF_8)).satisfiesExactly(
                        reason -> assertThat(reason).contains("unsigned event on reconcraft.run-events"),
                        reason -> assertThat(reason).contains("has a wrong reconcraft-signature"));
    }

    @Test
    void givenAGenuineEvent_whenPublished_thenItCarriesASignatureOverItsExactBytes() {
        EventEnvelope genuine = publisher.publish("run-2", new StepStarted("run-2:a", "a", 1, "runner-a"));

        java.util.function.Predicate<ConsumerRecord<String, byte[]>> isGenuine =
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(genuine.eventId());
        ConsumerRecord<String, byte[]> record = readUntil(Topics.RUN_EVENTS,
                records -> records.stream().anyMatch(isGenuine)).stream().filter(isGenuine).findFirst().orElseThrow();

        assertThat(EventSignature.of(KEY).verifies(Topics.RUN_EVENTS, record.value(),
                record.headers().lastHeader(EventSignature.HEADER).value())).isTrue();
    }
}
