package io.reconcraft.toolrunner.execution.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.testing.MutableClock;
import io.reconcraft.toolrunner.execution.RecordingStepLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacedStepLogTest {

    private final RecordingStepLog log = new RecordingStepLog();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PacedStepLog paced = new PacedStepLog(log, clock);

    @Test
    void givenLinesWithinOneInterval_whenPassedOn_thenTheyWaitForTheBatch() {
        paced.accept("one");
        clock.advance(Duration.ofMillis(500));
        paced.accept("two");

        assertThat(log.lines).containsExactly("one", "two");
        assertThat(log.flushes).isZero();
    }

    @Test
    void givenALineAfterTheInterval_whenPassedOn_thenWhatGatheredIsSent() {
        paced.accept("one");
        clock.advance(PacedStepLog.INTERVAL);
        paced.accept("two");

        assertThat(log.flushes).isEqualTo(1);
    }
}
