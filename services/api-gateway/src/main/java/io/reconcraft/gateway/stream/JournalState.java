package io.reconcraft.gateway.stream;

import io.reconcraft.events.model.RunStatus;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * The journal fields of a run document: the last SSE number given out, the events numbered but perhaps not yet
 * copied to {@code run_events}, and the run's status.
 */
public record JournalState(@Id String id, Long eventSeq, List<RunEvent> pendingEvents, RunStatus status) {

    public static final String EVENT_SEQ = "eventSeq";
    public static final String PENDING_EVENTS = "pendingEvents";

    public JournalState {
        eventSeq = eventSeq == null ? 0L : eventSeq;
        pendingEvents = pendingEvents == null ? List.of() : pendingEvents;
    }

    public boolean ended() {
        return status != null && status.isTerminal();
    }
}
