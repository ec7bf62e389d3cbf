package io.reconcraft.notifier.delivery;

import io.reconcraft.events.model.StepOutcome;
import io.reconcraft.notifier.store.DeliveryStore;
import io.reconcraft.notifier.webhook.WebhookClient;
import io.reconcraft.notifier.webhook.WebhookRefusedException;
import io.reconcraft.notifier.webhook.WebhookUrls;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works on one claimed delivery: makes its next attempt and records what follows from it (delivered,
 * retry at a later time, or give up), then publishes the result of a decided delivery and marks it done.
 */
@Component
@RequiredArgsConstructor
public class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final DeliveryStore store;
    private final WebhookClient webhooks;
    private final RetryPolicy policy;
    private final DeliveryReporter reporter;
    private final AwaitingFindings awaiting;
    private final Clock clock;

    public void process(Delivery claimed, String token) {
        Delivery delivery = claimed;
        if (delivery.status() == Delivery.Status.AWAITING_FINDINGS) {
            delivery = awaiting.resolve(delivery, token);
            if (delivery == null) {
                return; // waits on, or taken over meanwhile
            }
        }
        if (delivery.status() == Delivery.Status.PENDING) {
            delivery = attempt(delivery, token);
            if (delivery == null) {
                return; // rescheduled, or taken over meanwhile
            }
        }
        reporter.finished(delivery);
        store.markDone(delivery.id(), token);
    }

    /** The decided delivery, or null when there is nothing to report yet. */
    private Delivery attempt(Delivery delivery, String token) {
        if (delivery.kind() == Delivery.Kind.STEP && !delivery.startedReported()) {
            reporter.started(delivery);
            store.markStarted(delivery.id(), token);
            delivery = delivery.started();
        }
        int attempts = delivery.attempts() + 1;
        AttemptResult result;
        try {
            result = webhooks.post(delivery.webhookUrl(), delivery.body().getBytes(StandardCharsets.UTF_8), delivery.id());
        } catch (WebhookRefusedException e) {
            return decide(delivery, token, Delivery.Outcome.invalid(e.getMessage()), attempts - 1, 0);
        }
        String target = delivery.channel() + " message to " + WebhookUrls.mask(delivery.webhookUrl());
        if (result.delivered()) {
            return decide(delivery, token, new Delivery.Outcome(true, true, null, null, List.of("posted " + target,
                    "delivered (HTTP " + result.httpStatus() + ")" + after(attempts))), attempts, result.httpStatus());
        }
        Instant now = clock.instant();
        RetryPolicy.Decision next = policy.afterFailure(result, attempts, now, delivery.deadline());
        if (next instanceof RetryPolicy.RetryAt retry) {
            if (store.reschedule(delivery.id(), token, attempts, retry.at(), result.reason(), result.httpStatus())) {
                reporter.progress(delivery, "attempt " + attempts + " failed: " + result.reason() + "; next attempt in "
                        + seconds(Duration.between(now, retry.at())));
            }
            return null;
        }
        String reason = delivery.channel() + " webhook: " + ((RetryPolicy.GiveUp) next).reason();
        return decide(delivery, token, new Delivery.Outcome(false, false, StepOutcome.DELIVERY_FAILED.wire(), reason,
                List.of("posting " + target, "not delivered: " + reason)), attempts, result.httpStatus());
    }

    private Delivery decide(Delivery delivery, String token, Delivery.Outcome outcome, int attempts, int httpStatus) {
        Delivery decided = delivery.decided(outcome, attempts, httpStatus);
        if (!store.decide(delivery.id(), token, decided)) {
            log.info("delivery {} was cancelled or taken over during its attempt; leaving it to its new owner", delivery.id());
            return null;
        }
        return decided;
    }

    private static String after(int attempts) {
        return attempts == 1 ? "" : " after " + attempts + " attempts";
    }

    private static String seconds(Duration wait) {
        return String.format(java.util.Locale.ROOT, "%.1fs", wait.toMillis() / 1000.0);
    }
}
