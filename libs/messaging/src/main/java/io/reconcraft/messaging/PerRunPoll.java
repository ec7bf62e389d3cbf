package io.reconcraft.messaging;

import io.reconcraft.events.EventEnvelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Applies the records of a poll run by run: the records of one run in the order they were read, different runs side
 * by side on a fixed set of worker threads. A consumer whose work per record is mostly waiting for round trips then
 * no longer makes every run wait behind the records of all runs read before it. When records fail, the listener
 * throws for the earliest of them (by poll position): the records before it are committed, it is retried, and the
 * records after it are read again — a run's later records were not applied yet, other runs' were and are applied
 * again, which the caller must tolerate (it already has to, for redelivery).
 */
public final class PerRunPoll implements AutoCloseable {

    private final ExecutorService workers;
    private final int size;

    public PerRunPoll(String threadName, int workers) {
        this.size = Math.max(1, workers);
        AtomicInteger number = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, threadName + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newFixedThreadPool(size, threads);
    }

    /**
     * Applies every record whose event passes {@code relevant}, grouped by run id (records without one form a group
     * of their own); waits until all are applied or failed.
     */
    public void apply(List<ConsumerRecord<String, EventEnvelope>> records, Predicate<EventEnvelope> relevant,
                      Consumer<EventEnvelope> apply) {
        List<Integer> inPollOrder = new ArrayList<>();
        Map<String, List<Integer>> byRun = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            EventEnvelope event = records.get(i).value();
            if (relevant.test(event)) {
                inPollOrder.add(i);
                byRun.computeIfAbsent(String.valueOf(event.runId()), run -> new ArrayList<>()).add(i);
            }
        }
        if (byRun.size() <= 1 || size == 1) {
            throwIfFailed(applyInOrder(records, inPollOrder, apply)); // on this thread: nothing to overlap
            return;
        }
        List<CompletableFuture<Failure>> running = byRun.values().stream()
                .map(indexes -> CompletableFuture.supplyAsync(() -> applyInOrder(records, indexes, apply), workers))
                .toList();
        Failure earliest = null;
        for (CompletableFuture<Failure> run : running) {
            Failure failure = run.join();
            if (failure != null && (earliest == null || failure.index() < earliest.index())) {
                earliest = failure;
            }
        }
        throwIfFailed(earliest);
    }

    private record Failure(int index, EventEnvelope event, RuntimeException cause) {
    }

    /** Stops at a run's first failure: its later records depend on it and are read again. */
    private static Failure applyInOrder(List<ConsumerRecord<String, EventEnvelope>> records, List<Integer> indexes,
                                        Consumer<EventEnvelope> apply) {
        for (int index : indexes) {
            EventEnvelope event = records.get(index).value();
            try {
                apply.accept(event);
            } catch (RuntimeException e) {
                return new Failure(index, event, e);
            }
        }
        return null;
    }

    private static void throwIfFailed(Failure failure) {
        if (failure != null) {
            throw new BatchListenerFailedException(failure.event().type() + " " + failure.event().eventId()
                    + " could not be applied", failure.cause(), failure.index());
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
