package io.reconcraft.findings.inbound;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepCancelRequested;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.Topics;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.findings.report.ReportSteps;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Takes report steps (and their cancellations) off Kafka; anything else on the topic is logged and dropped. */
@Component
@RequiredArgsConstructor
public class ReportStepListener {

    private static final Logger log = LoggerFactory.getLogger(ReportStepListener.class);

    private final ReportSteps reports;

    @KafkaListener(topics = Topics.FINDINGS_STEP_REQUESTS)
    public void on(EventEnvelope event) {
        if (event.payload() instanceof StepCancelRequested cancel) {
            reports.cancel(event.runId(), cancel);
            return;
        }
        if (!(event.payload() instanceof StepRequested step) || event.runId() == null
                || step.kind() != NodeKind.REPORT || step.stepId() == null) {
            log.warn("ignoring {} {}: only report steps belong on {}", event.type(), event.eventId(),
                    Topics.FINDINGS_STEP_REQUESTS);
            return;
        }
        reports.accept(event.runId(), step);
    }
}
