package io.reconcraft.notifier.delivery;

import io.reconcraft.notifier.config.NotifierProperties;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A few threads of its own that work through the deliveries that are due, so that waiting between
 * attempts never holds a Kafka consumer thread. New deliveries are started at once ({@link #kick()});
 * retries are found by polling. Claims are leases in MongoDB, so several instances can share the work
 * and a delivery left behind by an instance that died is taken over when its lease runs out.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final DeliveryAttempts attempts;
    private final DeliveryProperties properties;
    private final String workerId;
    private final Clock clock;
    private final AtomicInteger queuedKicks = new AtomicInteger();
    private volatile ScheduledExecutorService executor;

    public DeliveryWorker(DeliveryStore store, DeliveryAttempts attempts, DeliveryProperties properties,
                          NotifierProperties notifier, Clock clock) {
        this.store = store;
        this.attempts = attempts;
        this.properties = properties;
        this.workerId = notifier.workerId();
        this.clock = clock;
    }

    /** Look for due work now rather than at the next poll; cheap to call often (extra calls are dropped). */
    public void kick() {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        if (queuedKicks.incrementAndGet() > properties.threads()) {
            queuedKicks.decrementAndGet();
            return;
        }
        try {
            running.execute(() -> {
                queuedKicks.decrementAndGet();
                drain();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queuedKicks.decrementAndGet(); // stopping: the next start polls anyway
        }
    }

    void drain() {
        try {
            while (executor != null) {
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
            log.error("looking for due deliveries failed; trying again at the next poll", e);
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newScheduledThreadPool(properties.threads(), runnable -> {
                Thread thread = new Thread(runnable, "delivery-worker");
                thread.setDaemon(true);
                return thread;
            });
            long poll = properties.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::drain, 0, poll, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
