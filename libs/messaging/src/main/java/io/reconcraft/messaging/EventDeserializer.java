package io.reconcraft.messaging;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventSignature;
import io.reconcraft.events.EventTypes;
import io.reconcraft.events.MalformedEventException;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Refuses any record whose signature is missing or does not verify, before reading it, and then anything
 * that is not an event: both throw {@link MalformedEventException}, which (wrapped in spring-kafka's
 * ErrorHandlingDeserializer) sends the record to the dead-letter topic with the reason in its headers. A consumer
 * configured with {@link ReadEvents#PROPERTY} passes over the events of other known types unread.
 */
@RequiredArgsConstructor
public class EventDeserializer implements Deserializer<EventEnvelope> {

    private static final byte[] MARK = new byte[0];

    private final EventSignature signature;
    /** The types this consumer reads; null: every type. Set per consumer, from its properties. */
    private Set<String> read;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        read = ReadEvents.configured(configs.get(ReadEvents.PROPERTY));
    }

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        throw new MalformedEventException("unsigned event on " + topic + ": no " + EventSignature.HEADER
                + " header; refused");
    }

    @Override
    public EventEnvelope deserialize(String topic, Headers headers, byte[] data) {
        if (headers != null) {
            headers.remove(ReadEvents.NOT_READ_HEADER);
            if (read != null && passesOver(data)) {
                headers.add(ReadEvents.NOT_READ_HEADER, MARK);
                return null;
            }
        }
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

    /** A known type this consumer does not read; an unknown one is read, and refused with its reason. */
    private boolean passesOver(byte[] data) {
        return EventCodec.typeOf(data).filter(type -> !read.contains(type) && EventTypes.classOf(type).isPresent())
                .isPresent();
    }
}
