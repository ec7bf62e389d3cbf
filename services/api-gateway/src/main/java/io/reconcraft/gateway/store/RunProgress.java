package io.reconcraft.gateway.store;

import io.reconcraft.events.model.RunStatus;

/**
 * How far a run's view is: whether it has ended, and the number of the last of its events applied to it (the
 * journal may hold later ones for a moment: the read model stores a batch's events before it writes their runs).
 */
public record RunProgress(boolean ended, long eventSeq) {

    static RunProgress of(RunStatus status, Long eventSeq) {
        return new RunProgress(status != null && status.isTerminal(), eventSeq == null ? 0 : eventSeq);
    }
}
