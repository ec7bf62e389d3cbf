package io.reconcraft.toolrunner.step;

import io.reconcraft.events.StepRequested;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.toolrunner.execution.StepLog;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Sends a step's log lines as StepLog events in batches, so watchers see progress while the step runs. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class PublishedStepLog implements StepLog {

    private final EventPublisher publisher;
    private final String runId;
    private final StepRequested step;
    private final int batchSize;
    private final List<String> pending = new ArrayList<>();

    @Override
    public void line(String line) {
        pending.add(line);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        publisher.publish(runId, new io.reconcraft.events.StepLog(step.stepId(), step.nodeId(), step.attempt(),
                List.copyOf(pending)));
        pending.clear();
    }
}
