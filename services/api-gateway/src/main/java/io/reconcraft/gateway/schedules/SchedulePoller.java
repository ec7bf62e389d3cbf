package io.reconcraft.gateway.schedules;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs a scheduler pass every {@code reconcraft.schedules.tick} on every gateway instance, one pass at a time. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SchedulePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulePoller.class);

    private final ScheduleTicker ticker;
    private final ScheduleProperties properties;
    private volatile Disposable polling;

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("the scheduler is off on this instance (reconcraft.schedules.enabled=false)");
            return;
        }
        polling = Flux.interval(properties.tick(), properties.tick())
                .onBackpressureDrop()
                .concatMap(pass -> ticker.tick().onErrorResume(e -> {
                    log.error("a scheduler pass failed: {}", e.toString());
                    return Mono.just(0);
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
