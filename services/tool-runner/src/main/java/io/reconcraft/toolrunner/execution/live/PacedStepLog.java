package io.reconcraft.toolrunner.execution.live;

import io.reconcraft.toolrunner.execution.StepLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Passes a running tool's log lines to the step log, and sends what has gathered at least once per
 * interval, so that a slow tool's few lines do not wait for a full batch. The step log's batch size
 * and the sandbox's line limit bound the rate; this bounds the delay.
 */
public final class PacedStepLog implements Consumer<String> {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final StepLog log;
    private final Clock clock;
    private Instant lastFlush;

    public PacedStepLog(StepLog log) {
        this(log, Clock.systemUTC());
    }

    PacedStepLog(StepLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.lastFlush = clock.instant();
    }

    @Override
    public void accept(String line) {
        log.line(line);
        Instant now = clock.instant();
        if (!now.isBefore(lastFlush.plus(INTERVAL))) {
            log.flush();
            lastFlush = now;
        }
    }
}
