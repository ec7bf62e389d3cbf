package io.reconcraft.gateway.actions;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventPayload;
import io.reconcraft.gateway.error.ApiException;
import io.reconcraft.messaging.EventPublisher;
import java.time.Duration;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Hands a command to the broker and waits for its acknowledgement: a 202 is only answered for a sent command. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EventPublisher publisher;

    Mono<EventEnvelope> send(String runId, EventPayload command) {
        EventEnvelope event = EventEnvelope.of(runId, command);
        // Off the event loop: the producer may block while it looks up the broker, and the timeout must still fire.
        return Mono.fromFuture(() -> publisher.publishAsync(event))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(TIMEOUT)
                .onErrorMap(e -> {
                    log.error("{} for run {} could not be sent: {}", event.type(), runId, e.getMessage());
                    return ApiException.unavailable(
                            "the message broker is unavailable; nothing was sent, try again");
                });
    }
}
