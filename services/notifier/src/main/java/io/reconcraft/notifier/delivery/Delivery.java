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
 * @param awaiting   an {@code onlyNew} step waiting for the findings service's sorting of its upstream results
 *                   (status AWAITING_FINDINGS); kept afterwards, null for every other delivery
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
        Outcome outcome,
        Awaiting awaiting) {

    public Delivery(String id, Kind kind, String runId, String channel, String webhookUrl, String body, String message,
                    Status status, int attempts, Instant dueAt, Instant deadline, String lastError, int httpStatus,
                    boolean startedReported, StepRef step, String notificationId, Outcome outcome) {
        this(id, kind, runId, channel, webhookUrl, body, message, status, attempts, dueAt, deadline, lastError,
                httpStatus, startedReported, step, notificationId, outcome, null);
    }

    public enum Kind { STEP, NOTIFICATION }

    /**
     * AWAITING_FINDINGS: an onlyNew step whose message is not known until its upstream findings are sorted;
     * PENDING: attempts to make; REPORTING: decided, result not yet published; DONE: published.
     */
    public enum Status { AWAITING_FINDINGS, PENDING, REPORTING, DONE }

    /**
     * @param request the step request as JSON (without its webhook URL, which is kept in {@code webhookUrl} only):
     *                what the message is rendered from once the new findings are known
     * @param until   after this, waiting is given up and the step fails saying which upstream result is missing
     */
    public record Awaiting(String request, Instant until) {
    }

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
                deadline, decided.error(), lastHttpStatus, startedReported, step, notificationId, decided, awaiting);
    }

    public Delivery started() {
        return new Delivery(id, kind, runId, channel, webhookUrl, body, message, status, attempts, dueAt, deadline,
                lastError, httpStatus, true, step, notificationId, outcome, awaiting);
    }
}
