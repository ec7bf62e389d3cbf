package io.reconcraft.gateway.inbound;

import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Batching by load for the read model, whose cost is per poll (one journal insert, one bulk write of the runs): its
 * listener polls again at once unless the stack is busy, so an idle stack's next event is applied as soon as it
 * arrives, and waits a moment while it is busy, so that its events are applied many to a write. Busy is a busy poll
 * (a few events) that found its events waiting the moment the last one, busy too, was done: the events of a lone run
 * come in bursts a hop apart, and the pause that would hold its last event is not paid for them. (The listener does
 * not wait for its offset commits: that wait batched it under load, but held a lone run's last event too.)
 */
@Component
public class BusyPolls {

    /** A poll that starts this soon after the last one ended found its events waiting. */
    private static final long AT_ONCE_NANOS = 1_000_000;

    private final BusyPollProperties settings;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    // the listener's one consumer thread is the only caller
    private boolean lastWasBusy;
    private long lastEnded;

    @Autowired
    BusyPolls(BusyPollProperties settings) {
        this(settings, Thread::sleep, System::nanoTime);
    }

    BusyPolls(BusyPollProperties settings, Sleeper sleeper, LongSupplier nanoClock) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
    }

    /** Applies a poll of {@code records} events with {@code work}; returns once the next poll may start. */
    void apply(int records, Runnable work) {
        long started = nanoClock.getAsLong();
        work.run();
        boolean busy = records >= settings.records();
        boolean underLoad = busy && lastWasBusy && started - lastEnded <= AT_ONCE_NANOS;
        lastWasBusy = busy;
        if (underLoad && !settings.pause().isZero()) {
            try {
                sleeper.sleep(settings.pause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: the container polls no more
            }
        }
        lastEnded = nanoClock.getAsLong();
    }

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
