package io.reconcraft.orchestrator.config;

import io.reconcraft.workflow.NodeKinds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stepTimeouts         how long an executor may take for a step of each kind (by wire name, e.g. {@code nmap});
 *                             each kind's default is in its {@link NodeKinds} descriptor
 * @param defaultStepTimeout   for kinds not listed in {@code stepTimeouts}
 * @param timeoutGrace         extra time after a step's timeout before the orchestrator fails it itself
 * @param delayPollInterval    how often due delay steps are looked for
 * @param timeoutSweepInterval how often steps past their deadline are looked for
 * @param maxDelay             the longest a delay node may wait (default: what the validator allows on save)
 * @param retryBackoffBase     backoff before the first automatic retry of a task, doubled for each further one
 * @param retryBackoffCap      the longest backoff; the wait is a random time up to the backoff (full jitter)
 * @param maxParallelTasksPerRun tasks of one run that may run at once; the others wait queued. Half the stack's
 *                             {@code maxParallelTasks} by default, so that one wide run leaves room for the others; with
 *                             8, a 1 → 1,000 → 1 fan-out had its tasks handed over eight at a time, each pass over its
 *                             1,000 steps for a few of them (8–10 s, 16–20 CPU-s; with 32: 4.5 s, 9 CPU-s, bench/
 *                             RESULTS.md 2026-12-06). The tool-runner's own cap on steps executing at once is what
 *                             bounds the containers.
 * @param maxParallelTasks     tasks of all runs that may run at once
 * @param cancelGrace          how long an executor has to confirm a cancel before the orchestrator ends the task itself
 * @param taskPollInterval     how often waiting tasks (retry due, concurrency freed) are looked for
 * @param maxActiveRuns        runs that may be running at once; the others stay queued, admitted in turn per
 *                             admission group (submitter and trigger) as running runs end
 * @param admissionRefreshInterval how often the count of running runs and the waiting runs are re-read
 * @param resultWorkers        threads that apply the step results of one poll, one run per thread at a time
 *                             (a run's results stay in order); 1 applies the poll in order on the consumer thread
 */
@ConfigurationProperties("reconcraft.orchestrator")
public record OrchestratorProperties(
        Map<String, Duration> stepTimeouts,
        Duration defaultStepTimeout,
        Duration timeoutGrace,
        Duration delayPollInterval,
        Duration timeoutSweepInterval,
        Duration maxDelay,
        Duration retryBackoffBase,
        Duration retryBackoffCap,
        Integer maxParallelTasksPerRun,
        Integer maxParallelTasks,
        Duration cancelGrace,
        Duration taskPollInterval,
        Integer maxActiveRuns,
        Duration admissionRefreshInterval,
        Integer resultWorkers) {

    public OrchestratorProperties {
        Map<String, Duration> timeouts = new LinkedHashMap<>(NodeKinds.defaultTimeouts());
        if (stepTimeouts != null) {
            timeouts.putAll(stepTimeouts);
        }
        stepTimeouts = Map.copyOf(timeouts);
        defaultStepTimeout = defaultStepTimeout == null ? Duration.ofMinutes(5) : defaultStepTimeout;
        timeoutGrace = timeoutGrace == null ? Duration.ofSeconds(30) : timeoutGrace;
        delayPollInterval = delayPollInterval == null ? Duration.ofMillis(250) : delayPollInterval;
        timeoutSweepInterval = timeoutSweepInterval == null ? Duration.ofSeconds(1) : timeoutSweepInterval;
        maxDelay = maxDelay == null ? NodeKinds.MAX_DELAY : maxDelay;
        retryBackoffBase = retryBackoffBase == null ? Duration.ofSeconds(2) : retryBackoffBase;
        retryBackoffCap = retryBackoffCap == null ? Duration.ofMinutes(5) : retryBackoffCap;
        maxParallelTasksPerRun = maxParallelTasksPerRun == null ? 32 : Math.max(1, maxParallelTasksPerRun);
        maxParallelTasks = maxParallelTasks == null ? 64 : Math.max(1, maxParallelTasks);
        cancelGrace = cancelGrace == null ? Duration.ofSeconds(30) : cancelGrace;
        taskPollInterval = taskPollInterval == null ? Duration.ofMillis(250) : taskPollInterval;
        maxActiveRuns = maxActiveRuns == null ? 64 : Math.max(1, maxActiveRuns);
        admissionRefreshInterval = admissionRefreshInterval == null ? Duration.ofSeconds(1) : admissionRefreshInterval;
        resultWorkers = resultWorkers == null ? 8 : Math.max(1, resultWorkers);
    }

    /** All defaults: what a local start gets. */
    public static OrchestratorProperties defaults() {
        return new OrchestratorProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Duration timeoutOf(String kind) {
        return stepTimeouts.getOrDefault(kind, defaultStepTimeout);
    }
}
