package io.reconcraft.toolrunner.config;

import io.reconcraft.messaging.WorkerIds;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workerId           names this instance in StepStarted and in step claims; blank means hostname + pid
 * @param logBatchSize       how many log lines a StepLog event carries at most
 * @param maxConcurrentSteps how many steps this instance runs at once; when all are busy the Kafka
 *                           listener waits for one to end instead of queueing more
 */
@ConfigurationProperties("reconcraft.toolrunner")
public record ToolRunnerProperties(String workerId, Integer logBatchSize, Integer maxConcurrentSteps) {

    public ToolRunnerProperties {
        workerId = workerId == null || workerId.isBlank() ? WorkerIds.of("tool-runner") : workerId.trim();
        logBatchSize = logBatchSize == null || logBatchSize < 1 ? 20 : logBatchSize;
        maxConcurrentSteps = maxConcurrentSteps == null || maxConcurrentSteps < 1 ? 2 : maxConcurrentSteps;
    }
}
