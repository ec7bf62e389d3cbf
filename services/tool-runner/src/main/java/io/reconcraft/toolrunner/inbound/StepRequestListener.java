package io.reconcraft.toolrunner.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.messaging.ReadablePoll;
import io.reconcraft.toolrunner.step.StepRunner;
import io.reconcraft.toolrunner.step.StepWorkers;
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
 * Takes tool steps and their cancels off Kafka a poll at a time; anything that is not for this service is logged and
 * dropped. The steps of a poll are claimed together as workers are free for them (one write for several), each cancel
 * after the steps before it. Steps run on {@link StepWorkers}, so this thread stays free to read a cancel. A step
 * that cannot be started is retried, and then dead-lettered, by the error handler, after the records before it are
 * committed.
 */
@Component
@RequiredArgsConstructor
public class StepRequestListener {

    private static final Logger log = LoggerFactory.getLogger(StepRequestListener.class);

    private final StepRunner runner;

    @KafkaListener(topics = Topics.TOOL_STEP_REQUESTS, batch = "true")
    public void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        ReadablePoll.apply(records, this::apply);
    }

    private void apply(List<ConsumerRecord<String, EventEnvelope>> records) {
        List<ConsumerRecord<String, EventEnvelope>> steps = new ArrayList<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            EventEnvelope event = record.value();
            if (event.payload() instanceof StepCancelRequested cancel) {
                // a cancel comes after the request it cancels: that one is under way before the cancel is looked at
                run(steps);
                steps.clear();
                runner.cancel(cancel);
            } else if (isToolStep(event)) {
                steps.add(record);
            }
        }
        run(steps);
    }

    private void run(List<ConsumerRecord<String, EventEnvelope>> steps) {
        if (steps.isEmpty()) {
            return;
        }
        try {
            runner.runAll(steps.stream()
                    .map(record -> new StepRunner.Request(record.value().runId(), (StepRequested) record.value().payload()))
                    .toList());
        } catch (StepRunner.NotStarted e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), steps.get(e.position()));
        }
    }

    private static boolean isToolStep(EventEnvelope event) {
        if (!(event.payload() instanceof StepRequested step)) {
            log.warn("ignoring {} {} on {}: only StepRequested and StepCancelRequested belong here", event.type(),
                    event.eventId(), Topics.TOOL_STEP_REQUESTS);
            return false;
        }
        boolean forUs = step.kind() != null && step.kind().executor() == NodeKind.Executor.TOOL_RUNNER;
        if (!forUs || step.stepId() == null || step.stepId().isBlank()) {
            log.warn("ignoring StepRequested {}: kind '{}' with step id '{}' is not a tool-runner step",
                    event.eventId(), step.kind(), step.stepId());
            return false;
        }
        return true;
    }
}
