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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(PerRunPoll.class);

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
        apply(records, relevant, null, apply);
    }

    /**
     * {@link #apply(List, Predicate, Consumer)}, with the records of a run that has several in the poll handed to
     * {@code applyRun} together first (one write for many results); should that throw, they are applied one at a
     * time with {@code apply}, which finds the record that fails — so both must tolerate records applied already.
     */
    public void apply(List<ConsumerRecord<String, EventEnvelope>> records, Predicate<EventEnvelope> relevant,
                      Consumer<List<EventEnvelope>> applyRun, Consumer<EventEnvelope> apply) {
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
            // on this thread: nothing to overlap
            throwIfFailed(byRun.size() == 1 ? applyRun(records, inPollOrder, applyRun, apply)
                    : applyInOrder(records, inPollOrder, apply));
            return;
        }
        List<CompletableFuture<Failure>> running = byRun.values().stream()
                .map(indexes -> CompletableFuture.supplyAsync(() -> applyRun(records, indexes, applyRun, apply), workers))
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

    private static Failure applyRun(List<ConsumerRecord<String, EventEnvelope>> records, List<Integer> indexes,
                                    Consumer<List<EventEnvelope>> applyRun, Consumer<EventEnvelope> apply) {
        if (applyRun != null && indexes.size() > 1) {
            try {
                applyRun.accept(indexes.stream().map(index -> records.get(index).value()).toList());
                return null;
            } catch (RuntimeException e) {
                log.debug("the {} records of run {} could not be applied together ({}); one at a time now",
                        indexes.size(), records.get(indexes.get(0)).value().runId(), e.toString());
            }
        }
        return applyInOrder(records, indexes, apply);
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
