package io.reconcraft.gateway.inbound;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Batching by load for the read model, whose cost is per poll (one journal insert, one bulk write of the runs): its
 * listener polls again at once after a small poll, so an idle stack's next event is applied as soon as it arrives,
 * and waits a moment after a large one, so that a busy stack's events are applied many to a write. (The listener
 * does not wait for its offset commits: that wait batched it under load, but held a lone run's last event too.)
 */
@Component
public class BusyPolls {

    private final BusyPollProperties settings;
    private final Sleeper sleeper;

    @Autowired
    BusyPolls(BusyPollProperties settings) {
        this(settings, Thread::sleep);
    }

    BusyPolls(BusyPollProperties settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** Called after each poll with its size; returns once the next poll may start. */
    void after(int records) {
        if (records < settings.records() || settings.pause().isZero()) {
            return;
        }
        try {
            sleeper.sleep(settings.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the container polls no more
        }
    }

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
