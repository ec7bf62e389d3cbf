package io.reconcraft.orchestrator.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.RunRetryRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.messaging.ReadablePoll;
import io.reconcraft.orchestrator.engine.RunCanceller;
import io.reconcraft.orchestrator.engine.RunIntake;
import io.reconcraft.orchestrator.engine.RunRetrier;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Run requests, cancels and retries, read a poll at a time: the run requests of a poll are stored together
 * (one insert for all of them) and queued for admission, so a backlog of thousands is taken in within seconds
 * and waits in the admission queue, where each submitter gets its fair share, instead of in the topic. A cancel
 * or retry is applied after the requests before it in the poll. A record that cannot be read or applied is
 * retried and then dead-lettered by the error handler, after the records before it are applied.
 */
@Component
@RequiredArgsConstructor
public class RunRequestListener {

    private static final Logger log = LoggerFactory.getLogger(RunRequestListener.class);

    private final RunIntake intake;
    private final RunCanceller canceller;
    private final RunRetrier retrier;

    @KafkaListener(topics = Topics.RUN_REQUESTS, batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope>> batch) {
        ReadablePoll.apply(batch, readable -> {
            List<RunIntake.Requested> requested = new ArrayList<>();
            int firstRequested = 0;
            for (int i = 0; i < readable.size(); i++) {
                EventEnvelope event = readable.get(i).value();
                if (event.runId() == null || event.runId().isBlank()) {
                    log.warn("ignoring {} {} without a run id", event.type(), event.eventId());
                } else if (event.payload() instanceof RunRequested request) {
                    if (requested.isEmpty()) {
                        firstRequested = i;
                    }
                    requested.add(new RunIntake.Requested(event.runId(), request));
                } else {
                    accept(requested, firstRequested);
                    requested.clear();
                    try {
                        apply(event);
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(event.type() + " " + event.eventId() + " could not be applied", e, i);
                    }
                }
            }
            accept(requested, firstRequested);
        });
    }

    /** A failure points at the first request of the group: it and the ones after it are delivered again. */
    private void accept(List<RunIntake.Requested> requested, int firstIndex) {
        if (requested.isEmpty()) {
            return;
        }
        try {
            intake.acceptAll(requested);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException(requested.size() + " run requests could not be stored", e, firstIndex);
        }
    }

    private void apply(EventEnvelope event) {
        if (event.payload() instanceof RunCancelRequested cancel) {
            canceller.cancel(event.runId(), cancel);
        } else if (event.payload() instanceof RunRetryRequested retry) {
            retrier.retry(event.runId(), retry);
        }
    }
}
