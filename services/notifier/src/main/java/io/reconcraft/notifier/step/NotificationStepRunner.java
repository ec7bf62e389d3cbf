package io.reconcraft.notifier.step;

import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.EventPublisher;
import io.reconcraft.notifier.NotifierProperties;
import io.reconcraft.notifier.claim.Claims;
import io.reconcraft.notifier.message.MessageTemplate;
import io.reconcraft.notifier.webhook.Channel;
import io.reconcraft.notifier.webhook.DeliveryResult;
import io.reconcraft.notifier.webhook.WebhookClient;
import io.reconcraft.notifier.webhook.WebhookRefusedException;
import io.reconcraft.notifier.webhook.WebhookUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A slack or discord step, once per step attempt: render the message, then post it (live) or only
 * show it (demo), and report the result as StepCompleted.
 */
@Component
public class NotificationStepRunner {

    private static final Logger log = LoggerFactory.getLogger(NotificationStepRunner.class);

    private final Claims claims;
    private final WebhookClient webhooks;
    private final EventPublisher publisher;
    private final NotifierProperties properties;

    public NotificationStepRunner(Claims claims, WebhookClient webhooks, EventPublisher publisher,
                                  NotifierProperties properties) {
        this.claims = claims;
        this.webhooks = webhooks;
        this.publisher = publisher;
        this.properties = properties;
    }

    public void run(String runId, Channel channel, StepRequested step) {
        String claimId = step.stepId() + ":" + step.attempt();
        String worker = properties.workerId();
        if (!claims.claim(Claims.STEPS, claimId, worker)) {
            return;
        }
        try {
            publisher.publish(runId, new StepStarted(step.stepId(), step.nodeId(), step.attempt(), worker));
        } catch (EventPublisher.EventPublishingException e) {
            claims.release(Claims.STEPS, claimId, worker);
            throw e;
        }
        Outcome outcome;
        try {
            outcome = outcomeOf(channel, step);
        } catch (RuntimeException e) {
            log.error("{} step {} failed unexpectedly", channel.wireName(), step.stepId(), e);
            outcome = new Outcome(RunStatus.FAILED, "error", "the " + channel.wireName()
                    + " step failed unexpectedly: " + e.getClass().getSimpleName(), Map.of("delivered", false), List.of());
        }
        publisher.publish(runId, new StepLog(step.stepId(), step.nodeId(), step.attempt(), outcome.logLines()));
        publisher.publish(runId, new StepCompleted(step.stepId(), step.nodeId(), step.attempt(), outcome.status(),
                outcome.outcome(), outcome.error(), List.of(), outcome.outputs()));
    }

    private Outcome outcomeOf(Channel channel, StepRequested step) {
        Object template = step.config().get("message");
        Object webhookUrl = step.config().get("webhookUrl");
        if (step.runMode() == null) {
            return Outcome.invalid("the step has no runMode (live or demo)");
        }
        if ((template != null && !(template instanceof String)) || (webhookUrl != null && !(webhookUrl instanceof String))) {
            return Outcome.invalid(channel.wireName() + " config 'message' and 'webhookUrl' must be strings");
        }
        String message = MessageTemplate.render((String) template, step);
        if (step.runMode() == RunMode.DEMO) {
            return new Outcome(RunStatus.SUCCEEDED, null, null, outputs(message, false, null),
                    List.of("demo mode: " + channel.wireName() + " message not sent", message));
        }
        String url = (String) webhookUrl;
        try {
            DeliveryResult result = webhooks.post(channel, url, message);
            List<String> lines = List.of("posting " + channel.wireName() + " message to " + WebhookUrls.mask(url),
                    result.delivered() ? "delivered (HTTP " + result.httpStatus() + ")" : "not delivered: " + result.reason());
            return result.delivered()
                    ? new Outcome(RunStatus.SUCCEEDED, null, null, outputs(message, true, result.httpStatus()), lines)
                    : new Outcome(RunStatus.FAILED, "delivery_failed", result.reason(),
                    outputs(message, false, result.httpStatus() == 0 ? null : result.httpStatus()), lines);
        } catch (WebhookRefusedException e) {
            return Outcome.invalid(e.getMessage());
        }
    }

    private static Map<String, Object> outputs(String message, boolean delivered, Integer httpStatus) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("message", message);
        outputs.put("delivered", delivered);
        if (httpStatus != null) {
            outputs.put("httpStatus", httpStatus);
        }
        return outputs;
    }

    private record Outcome(RunStatus status, String outcome, String error, Map<String, Object> outputs,
                           List<String> logLines) {

        static Outcome invalid(String reason) {
            return new Outcome(RunStatus.FAILED, "invalid_input", reason, Map.of("delivered", false), List.of(reason));
        }
    }
}
