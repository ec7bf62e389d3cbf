package io.reconcraft.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reconcraft.notifier.config.NotifierProperties;
import io.reconcraft.notifier.store.DeliveryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;

/** A stop that interrupts the worker's claim is the stop, not a failure worth an ERROR in the notifier's log. */
class DeliveryWorkerStopTest {

    private final DeliveryStore store = mock(DeliveryStore.class);
    private final DeliveryWorker worker = new DeliveryWorker(store, null,
            new DeliveryProperties(null, null, null, null, null, Duration.ofHours(1), 1, null),
            new NotifierProperties("worker-1", null, null, null), Clock.systemUTC());
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger workerLog = (Logger) LoggerFactory.getLogger(DeliveryWorker.class);

    @BeforeEach
    void captureTheWorkersLog() {
        logged.start();
        workerLog.addAppender(logged);
    }

    @AfterEach
    void release() {
        workerLog.detachAppender(logged);
        worker.stop();
    }

    @Test
    void givenAStopDuringAClaim_whenTheClaimIsInterrupted_thenNothingIsLoggedAsAnError() {
        claimsOnTheCallersThread(() -> {
            worker.stop();
            throw Exceptions.propagate(new InterruptedException());
        });
        worker.start();

        worker.drain();

        assertThat(worker.isRunning()).isFalse();
        assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    }

    @Test
    void givenARunningWorker_whenTheStoreFails_thenTheFailureIsLoggedAsAnError() {
        claimsOnTheCallersThread(() -> {
            throw new IllegalStateException("the store is unreachable");
        });
        worker.start();

        worker.drain();

        assertThat(logged.list).anyMatch(event -> event.getLevel() == Level.ERROR
                && event.getFormattedMessage().startsWith("looking for due deliveries failed"));
    }

    /** The test thread's claim does {@code claim}; the worker's own first pass finds nothing due. */
    private void claimsOnTheCallersThread(Runnable claim) {
        Thread caller = Thread.currentThread();
        doAnswer(invocation -> {
            if (Thread.currentThread() == caller) {
                claim.run();
            }
            return Optional.empty();
        }).when(store).claimNextDue(any(), any(), any(), any());
    }
}
