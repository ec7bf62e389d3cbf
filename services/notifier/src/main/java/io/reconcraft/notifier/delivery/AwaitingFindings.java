package io.reconcraft.notifier.delivery;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.events.EventCodec;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.notifier.message.MessageTemplate;
import io.reconcraft.notifier.message.Notification;
import io.reconcraft.notifier.store.DeliveryStore;
import io.reconcraft.notifier.store.FindingChangesStore;
import io.reconcraft.notifier.onlynew.OnlyNewFilter;
import io.reconcraft.notifier.onlynew.OnlyNewProperties;
import io.reconcraft.notifier.webhook.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Moves a claimed onlyNew step on once the findings service's sorting of its upstream results is known here: to a
 * delivery of only the new and reopened findings, to "nothing new, nothing sent", or — when the sorting does not
 * arrive within the wait limit — to a failure naming the upstream nodes it waited for.
 */
@Component
@RequiredArgsConstructor
public class AwaitingFindings {

    static final String UNAVAILABLE = StepOutcome.FINDINGS_UNAVAILABLE.wire();

    private final DeliveryStore store;
    private final FindingChangesStore changes;
    private final DeliveryReporter reporter;
    private final OnlyNewProperties properties;
    private final Clock clock;

    /** The delivery to go on with (pending, or decided), or null when it waits on (released) or was taken over. */
    Delivery resolve(Delivery delivery, String token) {
        StepRequested step = EventCodec.mapper().readValue(delivery.awaiting().request(), StepRequested.class);
        OnlyNewFilter.Result result = OnlyNewFilter.apply(step,
                changes.of(delivery.runId(), OnlyNewFilter.nodesToWaitFor(step)));
        Instant now = clock.instant();
        if (result instanceof OnlyNewFilter.Missing missing) {
            if (now.isBefore(delivery.awaiting().until())) {
                Instant next = now.plus(properties.recheck());
                store.release(delivery.id(), token, next.isAfter(delivery.awaiting().until()) ? delivery.awaiting().until() : next);
                return null;
            }
            String reason = "onlyNew: the findings service has not sorted the findings of upstream node(s) "
                    + String.join(", ", missing.nodeIds()) + " in time, so what is new is unknown; nothing was sent";
            return decide(delivery, token, new Delivery.Outcome(false, false, UNAVAILABLE, reason, List.of(reason)), null);
        }
        OnlyNewFilter.Sorted sorted = (OnlyNewFilter.Sorted) result;
        String summary = "onlyNew: " + sorted.kept() + " of " + sorted.total()
                + " upstream finding(s) new or reopened (unchanged, resolved and triaged-away ones left out)";
        if (sorted.kept() == 0) {
            return decide(delivery, token, new Delivery.Outcome(true, false, null, null,
                    List.of(summary, "nothing new: no " + delivery.channel() + " message sent")), null);
        }
        String message = MessageTemplate.render((String) step.config().get("message"), sorted.step());
        if (step.runMode() == RunMode.DEMO) {
            List<String> lines = new ArrayList<>(List.of(summary, "demo mode: " + delivery.channel() + " message not sent", message));
            return decide(delivery, token, new Delivery.Outcome(true, false, null, null, lines), message);
        }
        Channel channel = Channel.fromWire(delivery.channel()).orElseThrow();
        String body = EventCodec.mapper().writeValueAsString(channel.body(Notification.ofStep(sorted.step(), message)));
        if (!store.ready(delivery.id(), token, body, message)) {
            return null; // cancelled or taken over meanwhile
        }
        Delivery ready = delivery.ready(body, message);
        if (!ready.startedReported()) {
            reporter.started(ready);
            store.markStarted(ready.id(), token);
            ready = ready.started();
        }
        reporter.progress(ready, summary);
        return ready;
    }

    private Delivery decide(Delivery delivery, String token, Delivery.Outcome outcome, String message) {
        Delivery decided = delivery.withMessage(message).decided(outcome, delivery.attempts(), 0);
        return store.decide(delivery.id(), token, decided) ? decided : null;
    }
}
