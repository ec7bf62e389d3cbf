package io.reconcraft.gateway.targets;

import io.reconcraft.events.AuthorizedTargetsSnapshot;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.gateway.store.TargetRepository;
import io.reconcraft.messaging.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The authoritative allow-list for the executors: after every change, at start-up and periodically, the whole
 * list as stored now goes to the compacted topic as one signed {@link AuthorizedTargetsSnapshot}. Requests to
 * publish are handled one at a time, each reading the store afresh, so the last snapshot sent always reflects
 * the last change; the periodic republish repairs a send that failed or a race between two gateways.
 */
@Component
public class AuthorizedTargetsPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuthorizedTargetsPublisher.class);

    private final TargetRepository targets;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration republishEvery;
    private final Sinks.Many<Boolean> requests = Sinks.many().unicast().onBackpressureBuffer();
    private Disposable pipeline;

    public AuthorizedTargetsPublisher(TargetRepository targets, EventPublisher publisher, Clock clock,
            @Value("${reconcraft.scope.republish-every:PT1M}") Duration republishEvery) {
        this.targets = targets;
        this.publisher = publisher;
        this.clock = clock;
        this.republishEvery = republishEvery;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (pipeline != null) {
            return;
        }
        pipeline = Flux.merge(requests.asFlux(), Flux.interval(Duration.ZERO, republishEvery).map(tick -> true))
                .onBackpressureLatest()
                .concatMap(request -> publishNow(), 1)
                .subscribe();
    }

    /** Stops the periodic republish with the context: a closed context's store and producer are gone. */
    @Override
    public synchronized void destroy() {
        if (pipeline != null) {
            pipeline.dispose();
        }
    }

    /** Asks for the current list to be published (after a change); returns at once. */
    public void changed() {
        requests.emitNext(true, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(2)));
    }

    private Mono<Void> publishNow() {
        return targets.findAll().map(AuthorizedTarget::value).collectList()
                .map(values -> EventEnvelope.of(null, new AuthorizedTargetsSnapshot(values, clock.instant())))
                .flatMap(event -> Mono.fromFuture(() -> publisher.publishAsync(event))
                        .subscribeOn(Schedulers.boundedElastic()).timeout(Duration.ofSeconds(30)))
                .doOnNext(event -> log.debug("published the allow-list ({} entries)",
                        event.payloadAs(AuthorizedTargetsSnapshot.class).entries().size()))
                .then()
                .onErrorResume(e -> {
                    log.warn("the authorized-target allow-list could not be published (retried within {}): {}",
                            republishEvery, e.toString());
                    return Mono.empty();
                });
    }
}
