package io.reconcraft.audit.chain;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps a long background read to a share of the time: after each slice of work it pauses long enough that the
 * work is at most {@code share} of the time, so a pass over a million records never takes the cores live runs
 * need. Wall time, not this thread's CPU, is what it measures: the database and the driver work for the pass in
 * other threads (or processes) meanwhile, and under load its slices stretch, so it yields more. It stops pausing
 * while {@code hurry} says someone waits for the pass, and abandons the pass when its thread is interrupted (the
 * service is shutting down).
 */
final class DutyCycle {

    /** Sleeps; a test passes its own. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration SLICE = Duration.ofMillis(20);

    private final double share;
    private final BooleanSupplier hurry;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long sliceStartedAt;

    DutyCycle(double share, BooleanSupplier hurry, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a duty cycle's share must be in (0, 1], was " + share);
        }
        this.share = share;
        this.hurry = hurry;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.sliceStartedAt = nanoTime.getAsLong();
    }

    static DutyCycle fullSpeed() {
        return new DutyCycle(1, () -> true, System::nanoTime, duration -> { });
    }

    /**
     * Called after each unit of work; pauses when a slice is used up.
     *
     * @throws CancellationException when the thread is interrupted (its flag stays set)
     */
    void worked() {
        if (share >= 1) {
            return;
        }
        long worked = nanoTime.getAsLong() - sliceStartedAt;
        if (worked < SLICE.toNanos()) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw abandoned();
        }
        if (!hurry.getAsBoolean()) {
            try {
                sleeper.sleep(Duration.ofNanos((long) (worked * (1 - share) / share)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandoned();
            }
        }
        sliceStartedAt = nanoTime.getAsLong();
    }

    private static CancellationException abandoned() {
        return new CancellationException("the paced pass was interrupted");
    }
}
