package io.reconcraft.launcher.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteRateTest {

    private static final long MEGABYTE = 1024 * 1024;
    private static final long SECOND = 1_000_000_000L;

    /** A clock that moves only when told to or when the writer sleeps. */
    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final AtomicLong slept = new AtomicLong();
    private final AtomicInteger pauses = new AtomicInteger();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void givenAWriterFasterThanTheRate_whenItWritesThreeSecondsWorth_thenItPausesThreeSecondsInAll() {
        WriteRate rate = new WriteRate(MEGABYTE, () -> false, now::get, this::sleep);

        for (int piece = 0; piece < 3 * 1024; piece++) {
            rate.wrote(1024);
        }

        assertThat(slept.get()).isBetween(3 * SECOND - 10_000_000, 3 * SECOND);
        assertThat(pauses.get()).as("pauses of at least 10 ms, not one per kilobyte").isLessThanOrEqualTo(300);
    }

    @Test
    void givenAWriterSlowerThanTheRate_whenItWrites_thenItNeverPauses() {
        WriteRate rate = new WriteRate(MEGABYTE, () -> false, now::get, this::sleep);

        for (int piece = 0; piece < 10; piece++) {
            now.addAndGet(2 * SECOND);
            rate.wrote(MEGABYTE);
        }

        assertThat(pauses.get()).isZero();
    }

    @Test
    void givenAStoreClosing_whenAFastWriterWrites_thenItNoLongerPauses() {
        AtomicBoolean closing = new AtomicBoolean();
        WriteRate rate = new WriteRate(MEGABYTE, closing::get, now::get, this::sleep);
        rate.wrote(MEGABYTE);
        assertThat(pauses.get()).isEqualTo(1);

        closing.set(true);
        rate.wrote(100 * MEGABYTE);

        assertThat(pauses.get()).isEqualTo(1);
    }

    @Test
    void givenAPauseInterrupted_whenTheWriterGoesOn_thenItPausesNoMore_andItsThreadStaysInterrupted() {
        WriteRate rate = new WriteRate(MEGABYTE, () -> false, now::get, nanos -> {
            pauses.incrementAndGet();
            throw new InterruptedException();
        });

        rate.wrote(MEGABYTE);
        rate.wrote(MEGABYTE);

        assertThat(pauses.get()).isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    private void sleep(long nanos) {
        pauses.incrementAndGet();
        slept.addAndGet(nanos);
        now.addAndGet(nanos);
    }
}
