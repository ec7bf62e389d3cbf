package io.reconcraft.orchestrator.execute;

import io.reconcraft.orchestrator.store.StepResult;
import java.time.Instant;
import java.util.List;

/** What an internal executor decided: the step is done, or it waits until a due time. */
public sealed interface InternalOutcome {

    List<String> logs();

    record Completed(StepResult result, List<String> logs) implements InternalOutcome {
        public Completed {
            logs = List.copyOf(logs);
        }
    }

    record Waiting(Instant dueAt, List<String> logs) implements InternalOutcome {
        public Waiting {
            logs = List.copyOf(logs);
        }
    }
}
