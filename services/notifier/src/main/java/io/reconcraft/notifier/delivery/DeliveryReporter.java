package io.reconcraft.notifier.delivery;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.NotificationFailed;
import io.reconcraft.events.NotificationSent;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.notifier.config.NotifierProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Publishes what became of a delivery: step events for a workflow step, Sent/Failed for an ad-hoc notification. */
@Component
@RequiredArgsConstructor
public class DeliveryReporter {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReporter.class);

    private final EventPublisher publisher;
    private final NotifierProperties properties;

    public void started(Delivery delivery) {
        Delivery.StepRef step = delivery.step();
        publisher.publish(delivery.runId(), new StepStarted(step.stepId(), step.nodeId(), step.attempt(),
                properties.workerId()));
    }

    /** Live progress only: a lost line is not worth failing or repeating the delivery for. */
    public void progress(Delivery delivery, String line) {
        if (delivery.kind() != Delivery.Kind.STEP) {
            return;
        }
        Delivery.StepRef step = delivery.step();
        try {
            publisher.publish(delivery.runId(), new StepLog(step.stepId(), step.nodeId(), step.attempt(), List.of(line)));
        } catch (RuntimeException e) {
            log.warn("could not publish a progress line of delivery {}: {}", delivery.id(), e.getMessage());
        }
    }

    /** The final result; published again if the notifier stops before the delivery is marked done. */
    public void finished(Delivery delivery) {
        Delivery.Outcome outcome = delivery.outcome();
        if (delivery.kind() == Delivery.Kind.NOTIFICATION) {
            publisher.publish(delivery.runId(), outcome.delivered()
                    ? new NotificationSent(delivery.notificationId(), delivery.channel(), delivery.httpStatus(), delivery.attempts())
                    : new NotificationFailed(delivery.notificationId(), delivery.channel(), outcome.error(), delivery.attempts()));
            return;
        }
        Delivery.StepRef step = delivery.step();
        if (!delivery.startedReported()) {
            started(delivery);
        }
        if (!outcome.logLines().isEmpty()) {
            publisher.publish(delivery.runId(), new StepLog(step.stepId(), step.nodeId(), step.attempt(), outcome.logLines()));
        }
        publisher.publish(delivery.runId(), new StepCompleted(step.stepId(), step.nodeId(), step.attempt(),
                outcome.succeeded() ? RunStatus.SUCCEEDED : RunStatus.FAILED, StepOutcome.of(outcome.code()), outcome.error(), List.of(),
                outputs(delivery)));
    }

    private static Map<String, Object> outputs(Delivery delivery) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (delivery.message() != null) {
            outputs.put("message", delivery.message());
        }
        outputs.put("delivered", delivery.outcome().delivered());
        if (delivery.httpStatus() != 0) {
            outputs.put("httpStatus", delivery.httpStatus());
        }
        outputs.put("attempts", delivery.attempts());
        return outputs;
    }
}
