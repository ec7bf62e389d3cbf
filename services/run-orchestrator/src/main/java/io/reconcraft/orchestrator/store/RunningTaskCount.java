package io.reconcraft.orchestrator.store;

import io.reconcraft.orchestrator.config.OrchestratorProperties;
import org.springframework.stereotype.Component;

/**
 * The number of tasks running in all runs, for the global concurrency cap. Re-read from the store at most once
 * per task poll interval and kept current in between with this instance's own claims and ends, so starting a
 * task no longer costs a query over every running run; what other orchestrator instances start or end shows at
 * the next read. Like the read it replaces, it is a count, not a reservation (see TaskStarter).
 */
@Component
public class RunningTaskCount {

    private final RunStore runs;
    private final long maxAgeNanos;
    private int count;
    private long readAt;
    private boolean read;

    public RunningTaskCount(RunStore runs, OrchestratorProperties properties) {
        this.runs = runs;
        this.maxAgeNanos = properties.taskPollInterval().toNanos();
    }

    public synchronized int current() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            count = runs.countRunningTasks();
            readAt = now;
            read = true;
        }
        return count;
    }

    /** A task transition this instance won changed the number running by {@code delta}. */
    synchronized void changed(int delta) {
        count = Math.max(0, count + delta);
    }
}
