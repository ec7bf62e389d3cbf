package io.reconcraft.messaging;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.MalformedEventException;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Refuses any record whose signature is missing or does not verify, before reading it, and then anything
 * that is not an event: both throw {@link MalformedEventException}, which (wrapped in spring-kafka's
 * ErrorHandlingDeserializer) sends the record to the dead-letter topic with the reason in its headers.
 */
@RequiredArgsConstructor
public class EventDeserializer implements Deserializer<EventEnvelope> {

    private final EventSignature signature;

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        throw new MalformedEventException("unsigned event on " + topic + ": no " + EventSignature.HEADER
                + " header; refused");
    }

    @Override
    public EventEnvelope deserialize(String topic, Headers headers, byte[] data) {
        Header header = headers == null ? null : headers.lastHeader(EventSignature.HEADER);
        if (header == null) {
            return deserialize(topic, data);
        }
        if (!signature.verifies(topic, data, header.value())) {
            throw new MalformedEventException("event on " + topic + " has a wrong " + EventSignature.HEADER
                    + " (forged, altered, or signed with another key); refused");
        }
        return EventCodec.read(data);
    }
}
