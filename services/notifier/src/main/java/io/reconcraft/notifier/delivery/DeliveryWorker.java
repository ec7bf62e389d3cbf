package io.reconcraft.notifier.delivery;

import io.reconcraft.notifier.config.NotifierProperties;
import io.reconcraft.messaging.PeriodicTask;
import io.reconcraft.notifier.store.DeliveryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A few threads of its own that work through the deliveries that are due, so that waiting between
 * attempts never holds a Kafka consumer thread. New deliveries are started at once ({@link #kick()});
 * retries are found by polling. Claims are leases in MongoDB, so several instances can share the work
 * and a delivery left behind by an instance that died is taken over when its lease runs out.
 */
@Component
public class DeliveryWorker extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final DeliveryAttempts attempts;
    private final DeliveryProperties properties;
    private final String workerId;
    private final Clock clock;
    private final AtomicInteger queuedKicks = new AtomicInteger();

    public DeliveryWorker(DeliveryStore store, DeliveryAttempts attempts, DeliveryProperties properties,
                          NotifierProperties notifier, Clock clock) {
        super("delivery-worker", properties.threads(), Duration.ZERO, properties.pollInterval());
        this.store = store;
        this.attempts = attempts;
        this.properties = properties;
        this.workerId = notifier.workerId();
        this.clock = clock;
    }

    /** Look for due work now rather than at the next poll; cheap to call often (extra calls are dropped). */
    public void kick() {
        if (!isRunning()) {
            return;
        }
        if (queuedKicks.incrementAndGet() > properties.threads()) {
            queuedKicks.decrementAndGet();
            return;
        }
        boolean queued = runNow(() -> {
            queuedKicks.decrementAndGet();
            drain();
        });
        if (!queued) {
            queuedKicks.decrementAndGet(); // stopping: the next start polls anyway
        }
    }

    @Override
    protected void runOnce() {
        drain();
    }

    void drain() {
        try {
            while (isRunning()) {
                String token = DeliveryStore.newToken();
                Optional<Delivery> next = store.claimNextDue(clock.instant(), properties.lease(), workerId, token);
                if (next.isEmpty()) {
                    return;
                }
                try {
                    attempts.process(next.get(), token);
                } catch (RuntimeException e) {
                    // Left claimed: it is taken up again when the lease runs out.
                    log.error("delivery {} could not be processed; retried after its lease", next.get().id(), e);
                }
            }
        } catch (RuntimeException e) {
            if (!isRunning()) {
                return; // stopping interrupted the claim: not a failure, and the next start polls again
            }
            log.error("looking for due deliveries failed; trying again at the next poll", e);
        }
    }
}
