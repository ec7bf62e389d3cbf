package io.reconcraft.gateway.store;

import io.reconcraft.gateway.run.RunView;
import java.util.List;

/**
 * A run's view to write over its stored document, and which of its steps changed since that document was read
 * (their indexes, in order); null when the list of steps itself changed (a step added, all of them replaced).
 */
public record RunViewChange(RunView view, List<Integer> changedSteps) {

    /** The whole view, steps and all. */
    public static RunViewChange whole(RunView view) {
        return new RunViewChange(view, null);
    }

    boolean isWhole() {
        return changedSteps == null;
    }
}
