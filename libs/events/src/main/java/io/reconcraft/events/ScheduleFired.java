package io.reconcraft.events;

import java.time.Instant;

/**
 * A schedule reached a due time, and what came of it; an audit record (the audit service stores it like every
 * event of its topic). {@code outcome} is one of {@code fired | skipped | out_of_scope | failed}: {@code skipped}
 * when the schedule's previous run was still going ({@code overlap: skip}), {@code out_of_scope} when a target is
 * no longer in the authorized list (nothing was scanned), {@code failed} for any other reason (in {@code detail}).
 * {@code runId} is set when a run was started. {@code requestedBy} is the key that created the schedule.
 */
public record ScheduleFired(
        String scheduleId,
        Instant dueAt,
        String runId,
        String outcome,
        String detail,
        String requestedBy) implements EventPayload {

    public static final String FIRED = "fired";
    public static final String SKIPPED = "skipped";
    public static final String OUT_OF_SCOPE = "out_of_scope";
    public static final String FAILED = "failed";
}
