package io.reconcraft.orchestrator.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** A task run on its own thread at a fixed delay while the application runs; a failing pass is logged, the next one still comes. */
abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private ScheduledExecutorService executor;

    PeriodicTask(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    protected abstract void runOnce();

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::safeRun, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{} pass failed, retrying in {}: {}", name, interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
