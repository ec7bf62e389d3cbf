package io.reconcraft.toolrunner.step;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepRequested;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.toolrunner.execution.StepLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Sends a step's log lines as StepLog events in batches, so watchers see progress while the step runs. A batch is
 * not waited for while the tool runs: the producer keeps one run's records in order, and {@link #awaitSent()} tells
 * before the step's result is sent whether every batch arrived.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class PublishedStepLog implements StepLog {

    private final EventPublisher publisher;
    private final String runId;
    private final StepRequested step;
    private final int batchSize;
    private final List<String> pending = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();

    private record Sent(EventEnvelope event, CompletableFuture<EventEnvelope> ack) {
    }

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
        EventEnvelope event = EventEnvelope.of(runId, new io.reconcraft.events.StepLog(step.stepId(), step.nodeId(),
                step.attempt(), List.copyOf(pending)));
        pending.clear();
        CompletableFuture<EventEnvelope> ack;
        try {
            ack = publisher.publishAsync(event);
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        sent.add(new Sent(event, ack));
    }

    /** Sends what is left and waits until the broker acknowledged every batch; throws for the first one it did not. */
    void awaitSent() {
        flush();
        for (Sent batch : sent) {
            EventPublisher.acknowledged(batch.event(), batch.ack());
        }
        sent.clear();
    }
}
