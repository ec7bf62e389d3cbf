package io.reconcraft.orchestrator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The orchestrator's own part of a chain's hand-over: from a step's success arriving at its listener to the requests
 * of the steps it makes ready handed to the producer, where one guarded update ends the one and claims the others
 * ({@code StepHandOver}; other transitions are not timed). The Kafka hops on either side are not in it: they are the
 * broker's and the clients'. Buckets rather than client-side percentiles, so that a median can be taken over any
 * interval from two scrapes.
 */
@Component
public class HandOverTimes {

    static final String NAME = "reconcraft.step.handover";

    private final MeterRegistry registry;
    private final Timer timer;

    public HandOverTimes(MeterRegistry registry) {
        this.registry = registry;
        this.timer = Timer.builder(NAME)
                .description("a step's success read to the next steps' requests sent")
                .serviceLevelObjectives(millis(0.5), millis(1), millis(1.5), millis(2), millis(2.5), millis(3),
                        millis(4), millis(5), millis(7.5), millis(10), millis(25), millis(50), millis(100),
                        millis(250), millis(1000))
                .register(registry);
    }

    /** A result arrived; the hand-over it may lead to starts now. */
    public Timer.Sample arrived() {
        return Timer.start(registry);
    }

    /** The requests of the steps the result made ready were handed to the producer. */
    public void requested(Timer.Sample arrival) {
        arrival.stop(timer);
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos((long) (millis * 1_000_000));
    }
}
