package io.reconcraft.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.reconcraft.events.model.WireCode;
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
        Outcome outcome,
        String detail,
        String requestedBy) implements EventPayload {

    /** What came of the due time; a code this build does not know is kept as it came. */
    public static final class Outcome extends WireCode {

        public static final Outcome FIRED = known(new Outcome("fired"));
        public static final Outcome SKIPPED = known(new Outcome("skipped"));
        public static final Outcome OUT_OF_SCOPE = known(new Outcome("out_of_scope"));
        public static final Outcome FAILED = known(new Outcome("failed"));

        private Outcome(String wire) {
            super(wire);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Outcome of(String wire) {
            return of(Outcome.class, wire, Outcome::new);
        }
    }
}
