package io.reconcraft.messaging;

import io.reconcraft.events.EventEnvelope;

/**
 * Something that watches the events a service reads and sends without taking part in handling them (metrics):
 * every such bean is told of each event from Spring Kafka's own hooks, so no listener or sender changes for it.
 * It must be cheap and must not throw; what it throws is logged and dropped.
 */
public interface EventObserver {

    /** An event a record listener of this service is about to handle. */
    default void consumed(EventEnvelope event) {
    }

    /** An event this service sent, once the broker acknowledged it. */
    default void published(EventEnvelope event) {
    }
}
