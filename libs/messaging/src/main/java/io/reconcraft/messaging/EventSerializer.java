package io.reconcraft.messaging;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import org.apache.kafka.common.serialization.Serializer;

public class EventSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope event) {
        return event == null ? null : EventCodec.write(event);
    }
}
