package io.reconcraft.toolrunner.execution.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.toolrunner.execution.RecordingStepLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacedStepLogTest {

    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void givenLinesWithinOneInterval_whenPassedOn_thenTheyWaitForTheBatch() {
        RecordingStepLog log = new RecordingStepLog();
        SteppedClock clock = new SteppedClock();
        PacedStepLog paced = new PacedStepLog(log, clock);

        paced.accept("one");
        clock.advance(Duration.ofMillis(500));
        paced.accept("two");

        assertThat(log.lines).containsExactly("one", "two");
        assertThat(log.flushes).isZero();
    }

    @Test
    void givenALineAfterTheInterval_whenPassedOn_thenWhatGatheredIsSent() {
        RecordingStepLog log = new RecordingStepLog();
        SteppedClock clock = new SteppedClock();
        PacedStepLog paced = new PacedStepLog(log, clock);

        paced.accept("one");
        clock.advance(PacedStepLog.INTERVAL);
        paced.accept("two");

        assertThat(log.flushes).isEqualTo(1);
    }
}
