package io.reconcraft.orchestrator.store;

import java.time.Instant;

/**
 * One finished attempt of a task, kept on the task for the record.
 *
 * @param retryAt when the next attempt was due, if this attempt was retried
 */
public record AttemptRecord(
        int attempt,
        String status,
        String outcome,
        String error,
        Instant requestedAt,
        Instant completedAt,
        Instant retryAt) {
}
