package io.reconcraft.events;

import io.reconcraft.events.model.NodeKind;
import java.util.List;

/** Every Kafka topic name, and which topic each event goes to. */
public final class Topics {

    /** Run commands for the orchestrator: RunRequested, RunCancelRequested, RunRetryRequested. */
    public static final String RUN_REQUESTS = "reconcraft.run-requests";
    /**
     * Everything that happens inside a run, in order: RunStatusChanged, RunCompleted, StepStarted,
     * StepLog, StepCompleted. One topic keyed by run id, so a run's step and run events keep their
     * order: a reader never sees a run completed before the last of its steps.
     */
    public static final String RUN_EVENTS = "reconcraft.run-events";
    /** Work for the tool-runners (one consumer group, scaled out by partitions): StepRequested, StepCancelRequested. */
    public static final String TOOL_STEP_REQUESTS = "reconcraft.step-requests.tool-runner";
    /** Work for the notifier: slack and discord steps (StepRequested, StepCancelRequested). */
    public static final String NOTIFIER_STEP_REQUESTS = "reconcraft.step-requests.notifier";
    /** Work for the findings service: report steps (StepRequested, StepCancelRequested). */
    public static final String FINDINGS_STEP_REQUESTS = "reconcraft.step-requests.findings";
    /** FindingTriaged: changes to stored findings that belong to no run. */
    public static final String FINDINGS_EVENTS = "reconcraft.findings-events";
    /** Ad-hoc notifications (send-slack / send-discord actions). */
    public static final String NOTIFICATION_REQUESTS = "reconcraft.notification-requests";
    /** NotificationSent, NotificationFailed. */
    public static final String NOTIFICATION_EVENTS = "reconcraft.notification-events";
    /** Audit-only records of the gateway: ApiCallAudited (every state-changing API call), ScheduleFired. */
    public static final String API_AUDIT = "reconcraft.api-audit";

    /**
     * The authorized-target allow-list (AuthorizedTargetsSnapshot), compacted, one partition, one key: the
     * newest record is the list. Not in {@link #ALL}: it is read whole by every executor instance (no consumer
     * group) and republished periodically, which the audit trail need not store again and again.
     */
    public static final String AUTHORIZED_TARGETS = "reconcraft.authorized-targets";
    /** The only key on {@link #AUTHORIZED_TARGETS}, so compaction keeps exactly the newest list. */
    public static final String AUTHORIZED_TARGETS_KEY = "allow-list";

    public static final List<String> ALL = List.of(RUN_REQUESTS, RUN_EVENTS, TOOL_STEP_REQUESTS,
            NOTIFIER_STEP_REQUESTS, NOTIFICATION_REQUESTS, NOTIFICATION_EVENTS, API_AUDIT, FINDINGS_STEP_REQUESTS,
            FINDINGS_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** Where a message that cannot be read from {@code topic} is parked, so the partition keeps moving. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static String of(EventPayload payload) {
        // Java 17: no pattern matching for switch yet, so an explicit chain over the sealed types.
        if (payload instanceof RunRequested || payload instanceof RunCancelRequested
                || payload instanceof RunRetryRequested) {
            return RUN_REQUESTS;
        }
        if (payload instanceof RunStatusChanged || payload instanceof RunCompleted) {
            return RUN_EVENTS;
        }
        if (payload instanceof StepRequested request) {
            return stepRequestsOf(request.executor(), String.valueOf(request.kind()));
        }
        if (payload instanceof StepCancelRequested cancel) {
            // Same topic and key as the request it cancels, so it is read after that request.
            return stepRequestsOf(cancel.executor(), String.valueOf(cancel.kind()));
        }
        if (payload instanceof StepStarted || payload instanceof StepLog || payload instanceof StepCompleted
                || payload instanceof FindingsUpdated || payload instanceof ReportWritten) {
            return RUN_EVENTS;
        }
        if (payload instanceof NotificationRequested) {
            return NOTIFICATION_REQUESTS;
        }
        if (payload instanceof NotificationSent || payload instanceof NotificationFailed) {
            return NOTIFICATION_EVENTS;
        }
        if (payload instanceof FindingTriaged) {
            return FINDINGS_EVENTS;
        }
        if (payload instanceof ApiCallAudited || payload instanceof ScheduleFired) {
            return API_AUDIT;
        }
        if (payload instanceof AuthorizedTargetsSnapshot) {
            return AUTHORIZED_TARGETS;
        }
        throw new IllegalArgumentException("no topic for " + payload.getClass().getName());
    }

    /** The Kafka key of an event: its run id, or the fixed key of a topic that is not about runs. */
    public static String keyOf(EventEnvelope event) {
        return event.payload() instanceof AuthorizedTargetsSnapshot ? AUTHORIZED_TARGETS_KEY : event.runId();
    }

    private static String stepRequestsOf(NodeKind.Executor executor, String kind) {
        return switch (executor) {
            case TOOL_RUNNER -> TOOL_STEP_REQUESTS;
            case NOTIFIER -> NOTIFIER_STEP_REQUESTS;
            case FINDINGS -> FINDINGS_STEP_REQUESTS;
            case ORCHESTRATOR -> throw new IllegalArgumentException(
                    "the orchestrator executes " + kind + " itself; it is never requested over Kafka");
        };
    }
}
