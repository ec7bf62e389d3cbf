package io.reconcraft.audit.chain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ClosingPauseTest {

    private final ClosingPause pause = new ClosingPause();

    @Test
    void givenTheServiceRuns_whenPaused_thenThePauseEndsAndThePassGoesOn() {
        assertThatCode(() -> pause.sleep(Duration.ofMillis(1))).doesNotThrowAnyException();
    }

    @Test
    @Timeout(60) // fails instead of pausing the hour
    void givenTheServiceIsShuttingDown_whenPausedForAnHour_thenThePassIsAbandonedAtOnce() {
        pause.close();

        assertThatThrownBy(() -> pause.sleep(Duration.ofHours(1))).isInstanceOf(CancellationException.class);
    }
}
