package io.reconcraft.toolrunner.step;

import io.reconcraft.toolrunner.config.ToolRunnerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads steps run on, off the Kafka listener thread so that it can read a cancel while a step
 * runs. At most {@code max-concurrent-steps} execute at once: reserving a slot blocks while all are busy, so a
 * full instance stops taking records (backpressure) instead of queueing without bound. A step frees its slot
 * when its tool has ended, before it waits for its log and result to be acknowledged: with the slot held through
 * those two round trips to Kafka, two slots capped the whole stack at ~25 demo runs/s (bench/RESULTS.md).
 */
@Component
public class StepWorkers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StepWorkers.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final Semaphore free;
    private final ExecutorService threads;

    public StepWorkers(ToolRunnerProperties properties) {
        this.free = new Semaphore(properties.maxConcurrentSteps());
        // more threads than slots: a step that freed its slot may still be reporting
        this.threads = Executors.newCachedThreadPool(namedThreads());
    }

    /**
     * Waits for a free worker; the slot goes back when closed without a hand-over, when the handed task frees it,
     * or at the latest when that task ends.
     */
    Slot reserve() throws InterruptedException {
        free.acquire();
        return new Slot();
    }

    /**
     * Waits for one free worker as {@link #reserve()} does, then takes up to {@code wanted - 1} more of those free now,
     * without waiting for any: the next steps of a poll, claimed together, each with a worker to run on.
     */
    List<Slot> reserve(int wanted) throws InterruptedException {
        List<Slot> slots = new ArrayList<>();
        slots.add(reserve());
        while (slots.size() < wanted && free.tryAcquire()) {
            slots.add(new Slot());
        }
        return slots;
    }

    final class Slot implements AutoCloseable {

        private final AtomicBoolean freed = new AtomicBoolean();
        private volatile boolean handedOver;

        void handOver(Runnable task) {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    free();
                }
            });
            handedOver = true;
        }

        /** Gives the slot back (once, however often called): another step may execute now. */
        void free() {
            if (freed.compareAndSet(false, true)) {
                free.release();
            }
        }

        @Override
        public void close() {
            if (!handedOver) {
                free();
            }
        }
    }

    /** Slots no step holds now. */
    int freeSlots() {
        return free.availablePermits();
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
