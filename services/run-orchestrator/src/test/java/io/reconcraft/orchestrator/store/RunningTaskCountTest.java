package io.reconcraft.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.orchestrator.config.OrchestratorProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunningTaskCountTest {

    /** A store whose count of running tasks the test sets, and which counts how often it was asked. */
    static final class CountingStore extends RunStore {
        int running;
        int reads;

        CountingStore() {
            super(null, new WrittenRuns(), null);
        }

        @Override
        public int countRunningTasks() {
            reads++;
            return running;
        }
    }

    private static OrchestratorProperties pollEvery(Duration interval) {
        return new OrchestratorProperties(null, null, null, null, null, null, null, null, null, null, null, interval,
                null, null, null);
    }

    @Test
    void givenACountJustRead_whenThisInstanceStartsAndEndsTasks_thenTheCountFollowsWithoutAnotherRead() {
        CountingStore store = new CountingStore();
        store.running = 3;
        RunningTaskCount count = new RunningTaskCount(store, pollEvery(Duration.ofHours(1)));
        assertThat(count.current()).isEqualTo(3);

        count.changed(2);
        count.changed(-1);

        assertThat(count.current()).isEqualTo(4);
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void givenAnOlderCount_whenAskedAfterThePollInterval_thenOtherInstancesChangesAreReadFromTheStore() {
        CountingStore store = new CountingStore();
        RunningTaskCount count = new RunningTaskCount(store, pollEvery(Duration.ZERO));
        assertThat(count.current()).isZero();

        store.running = 7;

        assertThat(count.current()).isEqualTo(7);
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void givenMoreEndsThanStartsSeen_whenCounted_thenTheCountNeverGoesBelowZero() {
        CountingStore store = new CountingStore();
        RunningTaskCount count = new RunningTaskCount(store, pollEvery(Duration.ofHours(1)));
        count.current();

        count.changed(-2);

        assertThat(count.current()).isZero();
    }
}
