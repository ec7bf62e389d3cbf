package io.reconcraft.toolrunner.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.toolrunner.step.StepRunner;
import io.reconcraft.toolrunner.step.StepWorkers;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes tool steps and their cancels off Kafka; anything that is not for this service is logged and
 * dropped. Steps run on {@link StepWorkers}, so this thread stays free to read a cancel.
 */
@Component
@RequiredArgsConstructor
public class StepRequestListener {

    private static final Logger log = LoggerFactory.getLogger(StepRequestListener.class);

    private final StepRunner runner;

    @KafkaListener(topics = Topics.TOOL_STEP_REQUESTS)
    public void on(EventEnvelope event) throws InterruptedException {
        if (event.payload() instanceof StepCancelRequested cancel) {
            runner.cancel(cancel);
            return;
        }
        if (!(event.payload() instanceof StepRequested step)) {
            log.warn("ignoring {} {} on {}: only StepRequested and StepCancelRequested belong here", event.type(),
                    event.eventId(), Topics.TOOL_STEP_REQUESTS);
            return;
        }
        boolean forUs = step.kind() != null && step.kind().executor() == NodeKind.Executor.TOOL_RUNNER;
        if (!forUs || step.stepId() == null || step.stepId().isBlank()) {
            log.warn("ignoring StepRequested {}: kind '{}' with step id '{}' is not a tool-runner step",
                    event.eventId(), step.kind(), step.stepId());
            return;
        }
        runner.run(event.runId(), step);
    }
}
