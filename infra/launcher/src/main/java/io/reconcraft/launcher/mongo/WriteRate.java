package io.reconcraft.launcher.mongo;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps a background writer to a number of bytes a second, as RocksDB's {@code rate_limiter} keeps its flushes and
 * compactions and Kafka's log cleaner its {@code log.cleaner.io.max.bytes.per.second}: a snapshot written as fast as
 * it goes took 0.4 of a core and 100–200 MB/s of the disk for as long as it ran (5 s at 20,000 runs, 20 s at
 * 60,000), the seconds in which the runs under way waited longest (bench/RESULTS.md, twenty-seventh session).
 * Paced, it takes longer and the runs do not notice. It stops pausing once {@code unpaced} says so (the store is
 * closing) or once its thread is interrupted.
 */
final class WriteRate {

    /** Sleeps; a test passes its own. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** Never pauses: the snapshot at start-up, which everything waits for anyway. */
    static final WriteRate UNLIMITED = new WriteRate(Long.MAX_VALUE, () -> true, System::nanoTime, nanos -> { });

    // shorter pauses cost more in wake-ups than they spread
    private static final long LEAST_PAUSE_NANOS = 10_000_000;

    private final double nanosPerByte;
    private final BooleanSupplier unpaced;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long startedAt;
    private long bytes;
    private boolean interrupted;

    WriteRate(long bytesPerSecond, BooleanSupplier unpaced, LongSupplier nanoTime, Sleeper sleeper) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a write rate must be positive, was " + bytesPerSecond);
        }
        this.nanosPerByte = 1e9 / bytesPerSecond;
        this.unpaced = unpaced;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.startedAt = nanoTime.getAsLong();
    }

    /** A rate for one snapshot, starting now. */
    static WriteRate of(long bytesPerSecond, BooleanSupplier unpaced) {
        return new WriteRate(bytesPerSecond, unpaced, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000,
                (int) (nanos % 1_000_000)));
    }

    /** Counts bytes written; pauses while the writing is ahead of the rate. */
    void wrote(long count) {
        // unpaced for good once unpaced (the store closes, or it is UNLIMITED, shared): nothing left to count
        if (interrupted || unpaced.getAsBoolean()) {
            return;
        }
        bytes += count;
        long ahead = startedAt + (long) (bytes * nanosPerByte) - nanoTime.getAsLong();
        if (ahead < LEAST_PAUSE_NANOS) {
            return;
        }
        try {
            sleeper.sleep(ahead);
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
        }
    }
}
