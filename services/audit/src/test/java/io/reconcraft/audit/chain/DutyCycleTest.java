package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class DutyCycleTest {

    private long now;
    private final List<Duration> pauses = new ArrayList<>();

    private DutyCycle cycle(double share, boolean hurry) {
        return new DutyCycle(share, () -> hurry, () -> now, pauses::add);
    }

    @Test
    void givenAQuarterOfACore_whenASliceOfWorkIsUsedUp_thenItPausesThreeTimesAsLongAsItWorked() {
        DutyCycle cycle = cycle(0.25, false);

        now += Duration.ofMillis(30).toNanos();
        cycle.worked();

        assertThat(pauses).containsExactly(Duration.ofMillis(90));
    }

    @Test
    void givenWorkShorterThanASlice_whenWorked_thenItGoesOnWithoutAPause_untilTheSliceIsUsedUp() {
        DutyCycle cycle = cycle(0.5, false);

        now += Duration.ofMillis(15).toNanos();
        cycle.worked();
        assertThat(pauses).isEmpty();

        now += Duration.ofMillis(10).toNanos();
        cycle.worked();
        assertThat(pauses).containsExactly(Duration.ofMillis(25));
    }

    @Test
    void givenAPause_whenTheNextSliceBegins_thenTheTimePausedIsNotCountedAsWork() {
        DutyCycle cycle = new DutyCycle(0.5, () -> false, () -> now, pause -> {
            pauses.add(pause);
            now += pause.toNanos();
        });

        now += Duration.ofMillis(20).toNanos();
        cycle.worked();
        now += Duration.ofMillis(5).toNanos();
        cycle.worked();

        assertThat(pauses).containsExactly(Duration.ofMillis(20));
    }

    @Test
    void givenSomeoneWaitsForThePass_whenASliceIsUsedUp_thenItDoesNotPause() {
        DutyCycle cycle = cycle(0.25, true);

        now += Duration.ofSeconds(1).toNanos();
        cycle.worked();

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenAWholeCore_whenASliceIsUsedUp_thenItNeverPauses() {
        DutyCycle cycle = cycle(1, false);

        now += Duration.ofSeconds(1).toNanos();
        cycle.worked();

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenTheThreadIsInterruptedInAPause_whenTheSliceEnds_thenThePassIsAbandoned_andTheInterruptKept() {
        DutyCycle cycle = new DutyCycle(0.5, () -> false, () -> now, pause -> {
            throw new InterruptedException("shutting down");
        });
        now += Duration.ofMillis(20).toNanos();
        try {
            assertThatThrownBy(cycle::worked).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void givenNoShareOrMoreThanACore_whenMade_thenItIsRefused() {
        assertThatThrownBy(() -> cycle(0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cycle(1.5, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
