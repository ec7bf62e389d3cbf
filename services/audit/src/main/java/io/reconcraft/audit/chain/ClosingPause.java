package io.reconcraft.audit.chain;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The background pass's pause, cut short when the service shuts down: Spring stops the scheduler by waiting for
 * its running task (up to 30 s) before it interrupts it, and a paced pass over a large chain would hold the whole
 * shutdown that long.
 */
final class ClosingPause implements DutyCycle.Sleeper {

    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (closed.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new CancellationException("the service is shutting down");
        }
    }

    void close() {
        closed.countDown();
    }
}
