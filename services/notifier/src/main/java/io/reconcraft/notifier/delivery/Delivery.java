package io.reconcraft.notifier.delivery;

import io.reconcraft.events.model.StepOutcome;
import java.time.Instant;
import java.util.List;

/**
 * One notification to post, as stored in {@code deliveries}: the durable state that lets retries wait
 * without holding a Kafka consumer thread and survive a restart. Its {@code id} is the idempotency key:
 * the insert of that unique id is the claim, so a redelivered request never creates a second delivery.
 *
 * @param webhookUrl a secret: stored here because later attempts need it, never logged or published
 * @param body       the JSON posted, rendered once, the same on every attempt
 * @param message    the rendered text, reported back in the step's outputs
 * @param outcome    set once the delivery is decided (status REPORTING or DONE)
 */
public record Delivery(
        String id,
        Kind kind,
        String runId,
        String channel,
        String webhookUrl,
        String body,
        String message,
        Status status,
        int attempts,
        Instant dueAt,
        Instant deadline,
        String lastError,
        int httpStatus,
        boolean startedReported,
        StepRef step,
        String notificationId,
        Outcome outcome) {

    public enum Kind { STEP, NOTIFICATION }

    /** PENDING: attempts to make; REPORTING: decided, result not yet published; DONE: published. */
    public enum Status { PENDING, REPORTING, DONE }

    /** The step attempt a STEP delivery answers. */
    public record StepRef(String stepId, String nodeId, int attempt) {
    }

    /**
     * @param code outcome refinement for StepCompleted (delivery_failed, invalid_input, cancelled), null when plain
     */
    public record Outcome(boolean succeeded, boolean delivered, String code, String error, List<String> logLines) {

        public Outcome {
            logLines = logLines == null ? List.of() : List.copyOf(logLines);
        }

        public static Outcome invalid(String reason) {
            return new Outcome(false, false, StepOutcome.INVALID_INPUT.wire(), reason, List.of(reason));
        }
    }

    public Delivery decided(Outcome decided, int attemptsMade, int lastHttpStatus) {
        return new Delivery(id, kind, runId, channel, webhookUrl, body, message, Status.REPORTING, attemptsMade, dueAt,
                deadline, decided.error(), lastHttpStatus, startedReported, step, notificationId, decided);
    }

    public Delivery started() {
        return new Delivery(id, kind, runId, channel, webhookUrl, body, message, status, attempts, dueAt, deadline,
                lastError, httpStatus, true, step, notificationId, outcome);
    }
}
