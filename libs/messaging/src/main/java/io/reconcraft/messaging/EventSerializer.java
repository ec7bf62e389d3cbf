package io.reconcraft.messaging;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Writes the envelope as JSON and signs exactly those bytes (header {@value EventSignature#HEADER}). */
@RequiredArgsConstructor
public class EventSerializer implements Serializer<EventEnvelope> {

    private final EventSignature signature;

    @Override
    public byte[] serialize(String topic, EventEnvelope event) {
        throw new UnsupportedOperationException("events are only sent with headers, which carry their signature");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope event) {
        if (event == null) {
            return null;
        }
        byte[] value = EventCodec.write(event);
        headers.remove(EventSignature.HEADER);
        headers.add(EventSignature.HEADER, signature.sign(topic, value));
        return value;
    }
}
