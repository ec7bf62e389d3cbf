package io.reconcraft.notifier.delivery;

import io.reconcraft.events.EventCodec;
import io.reconcraft.events.NotificationRequested;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.notifier.message.MessageTemplate;
import io.reconcraft.notifier.message.Notification;
import io.reconcraft.notifier.onlynew.OnlyNewFilter;
import io.reconcraft.notifier.onlynew.OnlyNewProperties;
import io.reconcraft.notifier.store.DeliveryStore;
import io.reconcraft.notifier.webhook.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a stored delivery, on the Kafka listener thread: one insert, nothing slow. A request
 * that cannot be delivered (demo mode, bad input) is stored already decided, so every result is published
 * the same way. A redelivered request finds its delivery stored and changes nothing.
 */
@Component
@RequiredArgsConstructor
public class DeliveryIntake {

    private static final Logger log = LoggerFactory.getLogger(DeliveryIntake.class);

    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final DeliveryProperties properties;
    private final OnlyNewProperties onlyNew;
    private final Clock clock;

    public static String stepKey(String stepId, int attempt) {
        return "step:" + stepId + ":" + attempt;
    }

    public static String notificationKey(String notificationId) {
        return "notification:" + notificationId;
    }

    public void acceptStep(String runId, Channel channel, StepRequested step) {
        Instant now = clock.instant();
        Object template = step.config().get("message");
        Object webhookUrl = step.config().get("webhookUrl");
        String problem = stepProblem(channel, step, template, webhookUrl);
        if (problem == null && OnlyNewFilter.setting(step.config()).orElse(false)) {
            acceptOnlyNewStep(runId, channel, step, (String) webhookUrl, now);
            return;
        }
        String message = problem == null ? MessageTemplate.render((String) template, step) : null;
        Delivery.Outcome decided;
        if (problem != null) {
            decided = Delivery.Outcome.invalid(problem);
        } else if (step.runMode() == RunMode.DEMO) {
            decided = new Delivery.Outcome(true, false, null, null,
                    List.of("demo mode: " + channel.wireName() + " message not sent", message));
        } else {
            decided = null; // live: to be posted
        }
        String body = decided == null ? json(channel, Notification.ofStep(step, message)) : null;
        create(Delivery.forStep(stepKey(step.stepId(), step.attempt()), runId, channel.wireName(), stepRef(step))
                .webhookUrl(decided == null ? (String) webhookUrl : null).content(body, message)
                .window(now, now.plus(budget(step))).decided(decided).build());
    }

    /**
     * Its message depends on what the findings service sorted as new, which may not be known yet (FindingsUpdated
     * comes on another topic, from another service): stored awaiting it, worked on by {@link AwaitingFindings}.
     */
    private void acceptOnlyNewStep(String runId, Channel channel, StepRequested step, String webhookUrl, Instant now) {
        Map<String, Object> config = new LinkedHashMap<>(step.config());
        config.remove("webhookUrl"); // kept once, in the delivery's own field
        StepRequested kept = step.withConfig(config);
        Duration budget = budget(step);
        Duration wait = onlyNew.waitLimit().compareTo(budget) < 0 ? onlyNew.waitLimit() : budget;
        create(Delivery.forStep(stepKey(step.stepId(), step.attempt()), runId, channel.wireName(), stepRef(step))
                .webhookUrl(step.runMode() == RunMode.LIVE ? webhookUrl : null).window(now, now.plus(budget))
                .awaiting(new Delivery.Awaiting(EventCodec.mapper().writeValueAsString(kept), now.plus(wait))).build());
    }

    private static String stepProblem(Channel channel, StepRequested step, Object template, Object webhookUrl) {
        if (step.runMode() == null) {
            return "the step has no runMode (live or demo)";
        }
        if (OnlyNewFilter.setting(step.config()).isEmpty()) {
            return channel.wireName() + " config 'onlyNew' must be true or false";
        }
        if ((template != null && !(template instanceof String)) || (webhookUrl != null && !(webhookUrl instanceof String))) {
            return channel.wireName() + " config 'message' and 'webhookUrl' must be strings";
        }
        if (step.runMode() == RunMode.LIVE && (webhookUrl == null || ((String) webhookUrl).isBlank())) {
            return "no webhook URL is configured for this " + channel.wireName() + " step";
        }
        return null;
    }

    /** Retries end with the configured give-up time, or earlier when the step's own timeout is shorter. */
    private Duration budget(StepRequested step) {
        Duration stepTimeout = Duration.ofSeconds(Math.max(0, step.timeoutSeconds()));
        return stepTimeout.isZero() || stepTimeout.compareTo(properties.giveUpAfter()) >= 0
                ? properties.giveUpAfter() : stepTimeout;
    }

    public void acceptNotification(String runId, String notificationId, NotificationRequested request) {
        Instant now = clock.instant();
        String channelName = Channel.fromWire(request.channel()).map(Channel::wireName).orElse(request.channel());
        String problem = Channel.fromWire(request.channel()).isEmpty() ? "unknown channel: use slack or discord"
                : request.webhookUrl() == null || request.webhookUrl().isBlank()
                ? "no webhook URL given (the gateway resolves the configured integration and passes its URL)"
                : request.message() == null || request.message().isBlank() ? "the message is empty" : null;
        Delivery.Outcome decided = problem == null ? null : new Delivery.Outcome(false, false, StepOutcome.INVALID_INPUT.wire(), problem, List.of());
        String body = problem == null
                ? json(Channel.fromWire(request.channel()).orElseThrow(), Notification.ofMessage(request.message())) : null;
        create(Delivery.forNotification(notificationKey(notificationId), runId, channelName, notificationId)
                .webhookUrl(problem == null ? request.webhookUrl() : null).content(body, null)
                .window(now, now.plus(properties.giveUpAfter())).decided(decided).build());
    }

    /** The run was cancelled: a delivery still waiting for its next attempt is not attempted again. */
    public void cancelStep(String stepId, int attempt, String reason) {
        String why = "cancelled" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        if (store.cancel(stepKey(stepId, attempt), new Delivery.Outcome(false, false, StepOutcome.CANCELLED.wire(), why, List.of(why)),
                clock.instant())) {
            worker.kick();
        }
    }

    private void create(Delivery delivery) {
        if (store.create(delivery)) {
            worker.kick();
        } else {
            log.info("delivery {} exists already: a redelivered request, not posted again", delivery.id());
        }
    }

    private static Delivery.StepRef stepRef(StepRequested step) {
        return new Delivery.StepRef(step.stepId(), step.nodeId(), step.attempt());
    }

    private static String json(Channel channel, Notification notification) {
        return EventCodec.mapper().writeValueAsString(channel.body(notification));
    }
}
