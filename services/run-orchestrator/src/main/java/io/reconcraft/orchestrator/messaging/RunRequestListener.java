package io.reconcraft.orchestrator.messaging;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCancelRequested;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.RunRetryRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.orchestrator.engine.RunCanceller;
import io.reconcraft.orchestrator.engine.RunIntake;
import io.reconcraft.orchestrator.engine.RunRetrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
public class RunRequestListener {

    private static final Logger log = LoggerFactory.getLogger(RunRequestListener.class);

    private final RunIntake intake;
    private final RunCanceller canceller;
    private final RunRetrier retrier;

    public RunRequestListener(RunIntake intake, RunCanceller canceller, RunRetrier retrier) {
        this.intake = intake;
        this.canceller = canceller;
        this.retrier = retrier;
    }

    @KafkaListener(topics = Topics.RUN_REQUESTS)
    void on(EventEnvelope event) {
        if (event.runId() == null || event.runId().isBlank()) {
            log.warn("ignoring {} {} without a run id", event.type(), event.eventId());
        } else if (event.payload() instanceof RunRequested requested) {
            intake.accept(event.runId(), requested);
        } else if (event.payload() instanceof RunCancelRequested cancel) {
            canceller.cancel(event.runId(), cancel);
        } else if (event.payload() instanceof RunRetryRequested retry) {
            retrier.retry(event.runId(), retry);
        }
    }
}
