package io.reconcraft.events;

/** What happened; wrapped in an {@link EventEnvelope} on the wire. The record's simple name is its {@code type}. */
public sealed interface EventPayload permits
        RunRequested, RunCancelRequested, RunRetryRequested, RunStatusChanged, RunCompleted,
        StepRequested, StepCancelRequested, StepStarted, StepLog, StepCompleted,
        NotificationRequested, NotificationSent, NotificationFailed,
        ApiCallAudited, FindingsUpdated, ReportWritten, FindingTriaged, ScheduleFired,
        AuthorizedTargetsSnapshot {
}
