package io.reconcraft.messaging;

import io.reconcraft.events.AuthorizedTargetsSnapshot;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * This instance's copy of the authorized-target allow-list: the newest signed {@link AuthorizedTargetsSnapshot}
 * the gateway published on the compacted topic. Every instance reads the whole topic itself (no consumer
 * group), from the beginning, and follows it. Until it has read up to the end it answers "unknown", and an
 * executor refuses to run rather than guess; a record that is unsigned or wrongly signed never counts.
 */
@RequiredArgsConstructor
public class AuthorizedTargetsView implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuthorizedTargetsView.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.AUTHORIZED_TARGETS, 0);

    /** Raised when the allow-list is not known yet; the caller fails closed. */
    public static class UnknownException extends Exception {
        UnknownException(String message) {
            super(message);
        }
    }

    private final ConsumerFactory<?, ?> consumers;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile AuthorizedTargetsSnapshot latest;
    private volatile boolean running;
    private volatile Consumer<?, ?> consumer;
    private Thread thread;

    /** The authorized entries now; waits up to {@code patience} for the first complete read of the topic. */
    public List<String> entries(Duration patience) throws UnknownException {
        try {
            if (!caughtUp.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UnknownException("the authorized-target allow-list has not been read yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownException("interrupted while waiting for the authorized-target allow-list");
        }
        AuthorizedTargetsSnapshot snapshot = latest;
        return snapshot == null ? List.of() : snapshot.entries();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::follow, "authorized-targets-view");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        while (running) {
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (Consumer<?, ?> reader = consumers.createConsumer(null, "authorized-targets-view", null, overrides)) {
                consumer = reader;
                reader.assign(List.of(PARTITION));
                reader.seekToBeginning(List.of(PARTITION));
                long end = reader.endOffsets(List.of(PARTITION)).get(PARTITION);
                while (running) {
                    for (ConsumerRecord<?, ?> record : reader.poll(Duration.ofMillis(500))) {
                        take(record);
                    }
                    if (caughtUp.getCount() > 0 && reader.position(PARTITION) >= end) {
                        caughtUp.countDown();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("reading {} failed, starting over: {}", Topics.AUTHORIZED_TARGETS, e.toString());
                    sleepBeforeRetry();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void take(ConsumerRecord<?, ?> record) {
        // the error-handling deserializer leaves null for a record that is unsigned, wrongly signed or unreadable
        if (record.value() instanceof EventEnvelope event
                && event.payload() instanceof AuthorizedTargetsSnapshot snapshot) {
            latest = snapshot;
            log.info("authorized targets as of {}: {} entries", snapshot.asOf(), snapshot.entries().size());
        } else {
            log.warn("ignoring record {} on {}: not a genuine AuthorizedTargetsSnapshot", record.offset(),
                    Topics.AUTHORIZED_TARGETS);
        }
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
