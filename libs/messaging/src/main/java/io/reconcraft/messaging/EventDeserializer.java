package io.reconcraft.messaging;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Throws {@link io.reconcraft.events.MalformedEventException} on anything that is not an event;
 * wrapped in spring-kafka's ErrorHandlingDeserializer, that sends the record to the dead-letter topic.
 */
public class EventDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        return EventCodec.read(data);
    }
}
