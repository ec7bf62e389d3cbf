package io.reconcraft.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read model polls again at once after a small poll and lets events gather after a busy one. */
class BusyPollsTest {

    private final List<Long> pauses = new ArrayList<>();

    @Test
    void givenAPollSmallerThanABusyOne_whenItWasApplied_thenTheNextPollStartsAtOnce() {
        BusyPolls polls = new BusyPolls(new BusyPollProperties(8, Duration.ofMillis(10)), pauses::add);

        polls.after(7);

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenABusyPoll_whenItWasApplied_thenEventsGatherForThePauseBeforeTheNext() {
        BusyPolls polls = new BusyPolls(new BusyPollProperties(8, Duration.ofMillis(10)), pauses::add);

        polls.after(8);

        assertThat(pauses).containsExactly(10L);
    }

    @Test
    void givenNoPause_whenABusyPollWasApplied_thenTheNextPollStartsAtOnce() {
        BusyPolls polls = new BusyPolls(new BusyPollProperties(8, Duration.ZERO), pauses::add);

        polls.after(500);

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenNoSettings_whenBound_thenABusyPollIsEightEventsAndThePauseTenMilliseconds() {
        BusyPollProperties defaults = new BusyPollProperties(null, null);

        assertThat(defaults.records()).isEqualTo(8);
        assertThat(defaults.pause()).isEqualTo(Duration.ofMillis(10));
    }
}
