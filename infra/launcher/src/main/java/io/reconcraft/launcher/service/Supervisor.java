package io.reconcraft.launcher.service;

import io.reconcraft.launcher.DaemonThreads;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;

/**
 * Restarts what the launcher started when it dies on its own, with backoff, and gives up — saying so — after
 * {@link RestartPolicy#maxRestarts()} crashes within {@link RestartPolicy#window()}.
 */
@RequiredArgsConstructor
public final class Supervisor implements AutoCloseable {

    /** Something that can be started again. */
    public interface Restartable {
        String name();

        void start();
    }

    private final RestartPolicy policy;
    private final PrintStream out;
    private final Clock clock;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reconcraft-supervisor"));
    private final java.util.Map<String, Deque<Instant>> crashes = new java.util.HashMap<>();
    private volatile boolean closed;

    public RestartPolicy policy() {
        return policy;
    }

    /**
     * Called when {@code child} exited although nobody asked it to stop.
     *
     * @return true if a restart is scheduled, false if the supervisor gave up
     */
    public synchronized boolean exited(Restartable child, int exitCode, String logFile) {
        if (closed) {
            return false;
        }
        Instant now = clock.instant();
        Deque<Instant> recent = crashes.computeIfAbsent(child.name(), name -> new ArrayDeque<>());
        recent.addLast(now);
        while (!recent.isEmpty() && Duration.between(recent.peekFirst(), now).compareTo(policy.window()) > 0) {
            recent.removeFirst();
        }
        int attempt = recent.size();
        if (attempt > policy.maxRestarts()) {
            out.println(child.name() + " exited (code " + exitCode + "); it crashed " + attempt + " times within "
                    + policy.window().toMinutes() + " min, giving up: the stack is unhealthy until it is restarted"
                    + " (see " + logFile + ")");
            return false;
        }
        Duration delay = policy.delayBefore(attempt);
        out.println(child.name() + " exited (code " + exitCode + "); restarting in " + seconds(delay)
                + " (attempt " + attempt + "/" + policy.maxRestarts() + ")");
        scheduler.schedule(() -> restart(child), delay.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private void restart(Restartable child) {
        if (closed) {
            return;
        }
        try {
            child.start();
        } catch (RuntimeException e) {
            out.println("cannot restart " + child.name() + ": " + e.getMessage());
        }
    }

    private static String seconds(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
    }
}
