package io.reconcraft.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read model polls again at once unless the stack is busy: a busy poll whose events were waiting when another
 * busy one was done lets events gather for the pause; a lone burst does not.
 */
class BusyPollsTest {

    private static final BusyPollProperties EIGHT_AND_10_MS = new BusyPollProperties(8, Duration.ofMillis(10));

    private final List<Long> pauses = new ArrayList<>();
    private long now = 1_000_000_000L;

    private BusyPolls polls(BusyPollProperties settings) {
        return new BusyPolls(settings, millis -> {
            pauses.add(millis);
            now += millis * 1_000_000;
        }, () -> now);
    }

    /** A poll of {@code records} that arrives {@code afterMillis} after the last one was done and takes 2 ms. */
    private void poll(BusyPolls polls, int records, long afterMillis) {
        now += afterMillis * 1_000_000;
        polls.apply(records, () -> now += 2_000_000);
    }

    @Test
    void givenABusyPollRightAfterABusyOne_whenItWasApplied_thenEventsGatherForThePauseBeforeTheNext() {
        BusyPolls polls = polls(EIGHT_AND_10_MS);

        poll(polls, 8, 0);
        poll(polls, 9, 0);

        assertThat(pauses).containsExactly(10L);
    }

    @Test
    void givenPausedPolls_whenTheirEventsKeepComingInBusyPolls_thenEachIsFollowedByThePause() {
        BusyPolls polls = polls(EIGHT_AND_10_MS);

        poll(polls, 8, 0);
        poll(polls, 8, 0);
        poll(polls, 30, 0);
        poll(polls, 25, 0);

        assertThat(pauses).containsExactly(10L, 10L, 10L);
    }

    @Test
    void givenAQuietStack_whenOneBusyPollWasApplied_thenTheNextPollStartsAtOnce() {
        BusyPolls polls = polls(EIGHT_AND_10_MS);

        poll(polls, 12, 500);

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenABusyPoll_whenTheNextBusyOneArrivesAHopLater_thenItIsALoneRunsBurst() {
        BusyPolls polls = polls(EIGHT_AND_10_MS);

        poll(polls, 8, 0);
        poll(polls, 8, 2);

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenASmallPollBetweenBusyOnes_whenTheNextBusyOneWasApplied_thenTheNextPollStartsAtOnce() {
        BusyPolls polls = polls(EIGHT_AND_10_MS);

        poll(polls, 8, 0);
        poll(polls, 7, 0);
        poll(polls, 8, 0);

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenNoPause_whenBusyPollsFollowEachOther_thenTheNextPollStartsAtOnce() {
        BusyPolls polls = polls(new BusyPollProperties(8, Duration.ZERO));

        poll(polls, 500, 0);
        poll(polls, 500, 0);

        assertThat(pauses).isEmpty();
    }

    @Test
    void givenAPoll_whenApplied_thenItsWorkRunsOnce() {
        BusyPolls polls = polls(EIGHT_AND_10_MS);
        List<String> done = new ArrayList<>();

        polls.apply(3, () -> done.add("applied"));

        assertThat(done).containsExactly("applied");
    }

    @Test
    void givenNoSettings_whenBound_thenABusyPollIsTwoEventsAndThePauseTenMilliseconds() {
        BusyPollProperties defaults = new BusyPollProperties(null, null);

        assertThat(defaults.records()).isEqualTo(2);
        assertThat(defaults.pause()).isEqualTo(Duration.ofMillis(10));
    }
}
