package io.reconcraft.messaging;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.Topics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends events to their topic, keyed by run id so that one run's events keep their order. */
@RequiredArgsConstructor
public class EventPublisher {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<Object, Object> template;

    public CompletableFuture<EventEnvelope> publishAsync(EventEnvelope event) {
        return template.send(event.topic(), Topics.keyOf(event), event).thenApply(result -> event);
    }

    /** Sends and waits for the broker's acknowledgement, so a caller never reports success for a lost event. */
    public EventEnvelope publish(EventEnvelope event) {
        return acknowledged(event, publishAsync(event));
    }

    public EventEnvelope publish(String runId, EventPayload payload) {
        return publish(EventEnvelope.of(runId, payload));
    }

    /**
     * Sends the events of one run in this order and waits for every acknowledgement: one wait instead of one per
     * event. They share the run's partition, and the idempotent producer keeps their order through retries.
     */
    public void publishAll(String runId, List<? extends EventPayload> payloads) {
        List<EventEnvelope> events = payloads.stream().map(payload -> EventEnvelope.of(runId, payload)).toList();
        List<CompletableFuture<EventEnvelope>> sent = events.stream().map(this::publishAsync).toList();
        for (int i = 0; i < sent.size(); i++) {
            acknowledged(events.get(i), sent.get(i));
        }
    }

    /** Waits for the acknowledgement of {@code event}, sent as {@code sent}; throws when the broker did not take it. */
    public static EventEnvelope acknowledged(EventEnvelope event, CompletableFuture<EventEnvelope> sent) {
        try {
            return sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishingException(event, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishingException(event, e);
        }
    }

    /**
     * Why {@code failure} (a failed send, however wrapped) would fail again for the same event — too large for the
     * producer or the broker, or not serializable — or empty when sending it again may succeed (the broker away, a
     * timeout). A caller that retries failed sends gives up on the first kind: retrying it only repeats the failure.
     */
    public static Optional<String> permanentFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException) {
                return Optional.of(String.valueOf(cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    public static class EventPublishingException extends RuntimeException {
        public EventPublishingException(EventEnvelope event, Throwable cause) {
            super("could not publish " + event.type() + " " + event.eventId() + " to " + event.topic(), cause);
        }
    }
}
