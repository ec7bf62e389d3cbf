package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.MalformedEventException;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.RunStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventDeserializerTest {

    private static final String KEY = "event-deserializer-test-signing-key-0123456789";
    private static final EventSignature SIGNATURE = EventSignature.of(KEY);

    private final EventEnvelope log = EventEnvelope.of("run-1", new StepLog("run-1:scan", "scan", 1, List.of("line")));
    private final EventEnvelope completed = EventEnvelope.of("run-1", new StepCompleted("run-1:scan", "scan", 1,
            RunStatus.SUCCEEDED, null, null, List.of(), Map.of()));

    @Test
    void givenAConsumerThatReadsStepCompleted_whenASignedStepLogArrives_thenItIsPassedOverUnreadAndMarked() {
        EventDeserializer deserializer = reading("StepCompleted");
        byte[] value = EventCodec.write(log);
        Headers headers = signed(value);

        assertThat(deserializer.deserialize(Topics.RUN_EVENTS, headers, value)).isNull();
        assertThat(headers.lastHeader(ReadEvents.NOT_READ_HEADER)).isNotNull();
    }

    @Test
    void givenAConsumerThatReadsStepCompleted_whenAStepCompletedArrives_thenItIsReadAndNotMarked() {
        EventDeserializer deserializer = reading("StepCompleted, StepStarted");
        byte[] value = EventCodec.write(completed);
        Headers headers = signed(value);

        assertThat(deserializer.deserialize(Topics.RUN_EVENTS, headers, value)).isEqualTo(completed);
        assertThat(headers.lastHeader(ReadEvents.NOT_READ_HEADER)).isNull();
    }

    @Test
    void givenAConsumerThatReadsStepCompleted_whenAnUnsignedStepCompletedArrives_thenItIsRefused() {
        EventDeserializer deserializer = reading("StepCompleted");
        byte[] value = EventCodec.write(completed);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.RUN_EVENTS, new RecordHeaders(), value))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unsigned event");
    }

    @Test
    void givenAProducerThatSentTheNotReadMark_whenTheEventIsOfATypeTheConsumerReads_thenTheMarkIsDroppedAndItIsRead() {
        EventDeserializer deserializer = reading("StepCompleted");
        byte[] value = EventCodec.write(completed);
        Headers headers = signed(value);
        headers.add(ReadEvents.NOT_READ_HEADER, new byte[0]);

        assertThat(deserializer.deserialize(Topics.RUN_EVENTS, headers, value)).isEqualTo(completed);
        assertThat(headers.lastHeader(ReadEvents.NOT_READ_HEADER)).isNull();
    }

    @Test
    void givenAConsumerThatReadsStepCompleted_whenAnEventOfAnUnknownTypeArrives_thenItIsRefusedNotPassedOver() {
        EventDeserializer deserializer = reading("StepCompleted");
        byte[] value = """
                {"eventId":"e-1","type":"StepTeleported","runId":"run-1","occurredAt":"2026-12-05T10:00:00Z",
                 "version":1,"payload":{}}""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.RUN_EVENTS, signed(value), value))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown event type 'StepTeleported'");
    }

    @Test
    void givenAConsumerWithoutTheProperty_whenAnyEventArrives_thenItIsRead() {
        EventDeserializer deserializer = new EventDeserializer(SIGNATURE);
        deserializer.configure(Map.of(), false);
        byte[] value = EventCodec.write(log);

        assertThat(deserializer.deserialize(Topics.RUN_EVENTS, signed(value), value)).isEqualTo(log);
    }

    @Test
    void givenThePropertyNamingATypeThatDoesNotExist_whenTheConsumerIsConfigured_thenItFailsNamingIt() {
        EventDeserializer deserializer = new EventDeserializer(SIGNATURE);

        assertThatThrownBy(() -> deserializer.configure(Map.of(ReadEvents.PROPERTY, "StepCompleted,StepCompletd"),
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown: [StepCompletd]");
        assertThatThrownBy(() -> deserializer.configure(Map.of(ReadEvents.PROPERTY, " , "), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ReadEvents.PROPERTY);
    }

    private static EventDeserializer reading(String types) {
        EventDeserializer deserializer = new EventDeserializer(SIGNATURE);
        deserializer.configure(Map.of(ReadEvents.PROPERTY, types), false);
        return deserializer;
    }

    private static Headers signed(byte[] value) {
        Headers headers = new RecordHeaders();
        headers.add(EventSignature.HEADER, SIGNATURE.sign(Topics.RUN_EVENTS, value));
        return headers;
    }
}
