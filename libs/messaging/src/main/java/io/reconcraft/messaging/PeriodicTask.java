package io.reconcraft.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a service does in the background at a fixed delay while the application runs, on daemon threads of its
 * own (so it never holds a Kafka consumer or a request thread): started and stopped with the application
 * context, a failing pass is logged and the next one still comes. {@link #runNow()} asks for a pass at once.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final int threads;
    private final Duration initialDelay;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    /** A pass every {@code interval} after the previous one ended, the first after {@code initialDelay}. */
    protected PeriodicTask(String name, int threads, Duration initialDelay, Duration interval) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + " needs at least one thread");
        }
        this.name = name;
        this.threads = threads;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    /** One pass; an exception is logged and the next pass comes as planned. */
    protected abstract void runOnce();

    /**
     * Runs {@code work} on the task's threads now; false (and nothing runs) when the task is not running.
     */
    protected final boolean runNow(Runnable work) {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return false;
        }
        try {
            running.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // stopping
        }
    }

    /** A pass now, besides the planned ones. */
    protected final boolean runNow() {
        return runNow(this::safeRun);
    }

    private void safeRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{} pass failed, next one in {}: {}", name, interval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::safeRun, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
