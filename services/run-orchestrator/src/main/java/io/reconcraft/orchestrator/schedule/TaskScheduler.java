package io.reconcraft.orchestrator.schedule;

import io.reconcraft.messaging.PeriodicTask;
import io.reconcraft.orchestrator.config.OrchestratorProperties;
import io.reconcraft.orchestrator.engine.RunAdvancer;
import io.reconcraft.orchestrator.store.RunStore;
import org.springframework.stereotype.Component;

/**
 * Starts waiting tasks: retries whose stored due time has come, and tasks held back by a concurrency cap
 * when room was freed by another run. The wait lives in the run document, so no thread waits for a retry
 * and a restarted orchestrator starts them all the same.
 */
@Component
public class TaskScheduler extends PeriodicTask {

    private final RunStore store;
    private final RunAdvancer advancer;
    private final int maxParallelTasksPerRun;

    public TaskScheduler(RunStore store, RunAdvancer advancer, OrchestratorProperties properties) {
        super("task-scheduler", 1, properties.taskPollInterval(), properties.taskPollInterval());
        this.store = store;
        this.advancer = advancer;
        this.maxParallelTasksPerRun = properties.maxParallelTasksPerRun();
    }

    @Override
    protected void runOnce() {
        for (String runId : store.idsWithStartableTasks(maxParallelTasksPerRun)) {
            advancer.advance(runId);
        }
    }
}
