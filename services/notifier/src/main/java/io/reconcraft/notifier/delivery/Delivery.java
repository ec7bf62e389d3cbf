package io.reconcraft.notifier.delivery;

import io.reconcraft.events.model.StepOutcome;
import java.time.Instant;
import java.util.List;

/**
 * One notification to post, as stored in {@code deliveries}: the durable state that lets retries wait
 * without holding a Kafka consumer thread and survive a restart. Its {@code id} is the idempotency key:
 * the insert of that unique id is the claim, so a redelivered request never creates a second delivery.
 * Created with {@link #forStep} or {@link #forNotification}; its {@link Status} says where it stands, and the
 * fields a state does not have yet (the outcome before it is decided, the body before an onlyNew step's
 * message is known) are null.
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

    /** A workflow step's delivery, answering {@code step}. */
    public static Builder forStep(String id, String runId, String channel, StepRef step) {
        Builder builder = new Builder(id, Kind.STEP, runId, channel);
        builder.step = step;
        return builder;
    }

    /** A send-to action's delivery, answering {@code notificationId}. */
    public static Builder forNotification(String id, String runId, String channel, String notificationId) {
        Builder builder = new Builder(id, Kind.NOTIFICATION, runId, channel);
        builder.notificationId = notificationId;
        return builder;
    }

    /** Decided: its outcome is to be reported. */
    public Delivery decided(Outcome decided, int attemptsMade, int lastHttpStatus) {
        Builder next = toBuilder().decided(decided);
        next.attempts = attemptsMade;
        next.lastError = decided.error();
        next.httpStatus = lastHttpStatus;
        return next.build();
    }

    /** Its StepStarted has been published. */
    public Delivery started() {
        Builder next = toBuilder();
        next.startedReported = true;
        return next.build();
    }

    /** An onlyNew step whose message is now known: pending, to be posted. */
    public Delivery ready(String readyBody, String readyMessage) {
        Builder next = toBuilder().content(readyBody, readyMessage);
        next.status = Status.PENDING;
        next.outcome = null;
        return next.build();
    }

    /** The same delivery with its rendered message. */
    public Delivery withMessage(String renderedMessage) {
        return toBuilder().content(body, renderedMessage).build();
    }

    private Builder toBuilder() {
        // outcome and awaiting are copied as they are: their builder methods would derive a status, and it is given
        Builder builder = new Builder(id, kind, runId, channel).webhookUrl(webhookUrl).content(body, message)
                .window(dueAt, deadline).progress(status, attempts, lastError, httpStatus, startedReported);
        builder.step = step;
        builder.notificationId = notificationId;
        builder.outcome = outcome;
        builder.awaiting = awaiting;
        return builder;
    }

    /** Names each field of a new delivery; the status follows from what is set unless given explicitly. */
    public static final class Builder {
        private final String id;
        private final Kind kind;
        private final String runId;
        private final String channel;
        private String webhookUrl;
        private String body;
        private String message;
        private Status status;
        private int attempts;
        private Instant dueAt;
        private Instant deadline;
        private String lastError;
        private int httpStatus;
        private boolean startedReported;
        private StepRef step;
        private String notificationId;
        private Outcome outcome;
        private Awaiting awaiting;

        private Builder(String id, Kind kind, String runId, String channel) {
            this.id = id;
            this.kind = kind;
            this.runId = runId;
            this.channel = channel;
        }

        public Builder webhookUrl(String url) {
            this.webhookUrl = url;
            return this;
        }

        public Builder content(String postedBody, String renderedMessage) {
            this.body = postedBody;
            this.message = renderedMessage;
            return this;
        }

        /** Due at {@code due}; retries end at {@code giveUpAt}. */
        public Builder window(Instant due, Instant giveUpAt) {
            this.dueAt = due;
            this.deadline = giveUpAt;
            return this;
        }

        /** Decided before any attempt (bad input, demo mode); null leaves it to be posted. */
        public Builder decided(Outcome decided) {
            this.outcome = decided;
            if (decided != null) {
                this.status = Status.REPORTING;
            }
            return this;
        }

        /** An onlyNew step waiting for its upstream findings to be sorted. */
        public Builder awaiting(Awaiting waitingFor) {
            this.awaiting = waitingFor;
            if (waitingFor != null && outcome == null) {
                this.status = Status.AWAITING_FINDINGS;
            }
            return this;
        }

        /** Where a stored delivery stands (read back from the store). */
        public Builder progress(Status storedStatus, int attemptsMade, String error, int lastHttpStatus,
                                boolean started) {
            this.status = storedStatus;
            this.attempts = attemptsMade;
            this.lastError = error;
            this.httpStatus = lastHttpStatus;
            this.startedReported = started;
            return this;
        }

        public Delivery build() {
            return new Delivery(id, kind, runId, channel, webhookUrl, body, message,
                    status == null ? Status.PENDING : status, attempts, dueAt, deadline, lastError, httpStatus,
                    startedReported, step, notificationId, outcome, awaiting);
        }
    }
}
