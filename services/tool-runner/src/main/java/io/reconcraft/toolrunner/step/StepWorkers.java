package io.reconcraft.toolrunner.step;

import io.reconcraft.toolrunner.config.ToolRunnerProperties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads steps run on, off the Kafka listener thread so that it can read a cancel while a step
 * runs. At most {@code max-concurrent-steps} at once: reserving a slot blocks while all are busy, so a
 * full instance stops taking records (backpressure) instead of queueing without bound.
 */
@Component
public class StepWorkers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StepWorkers.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final Semaphore free;
    private final ExecutorService threads;

    public StepWorkers(ToolRunnerProperties properties) {
        this.free = new Semaphore(properties.maxConcurrentSteps());
        this.threads = Executors.newFixedThreadPool(properties.maxConcurrentSteps(), namedThreads());
    }

    /** Waits for a free worker; the slot goes back when closed without a hand-over, or when the handed task ends. */
    Slot reserve() throws InterruptedException {
        free.acquire();
        return new Slot();
    }

    final class Slot implements AutoCloseable {

        private boolean handedOver;
        private boolean closed;

        void handOver(Runnable task) {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    free.release();
                }
            });
            handedOver = true;
        }

        @Override
        public void close() {
            if (!handedOver && !closed) {
                free.release();
            }
            closed = true;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
            log.warn("steps still running at shutdown are interrupted (their containers are killed)");
            threads.shutdownNow();
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "step-worker-" + count.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
