package io.reconcraft.gateway.stream;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One client's live feed: events are queued (never blocking the caller) up to a bound, and read at the client's
 * pace. When the queue is full the feed ends with a {@link SlowClientException}.
 */
final class BoundedListener implements Consumer<RunEvent> {

    private final Sinks.Many<RunEvent> queue;
    private final int capacity;

    BoundedListener(int capacity) {
        this.capacity = capacity;
        this.queue = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(capacity));
    }

    @Override
    public synchronized void accept(RunEvent event) {
        Sinks.EmitResult result = queue.tryEmitNext(event);
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            queue.tryEmitError(new SlowClientException(capacity));
        }
    }

    /** Ends the feed after what is queued. */
    synchronized void close() {
        queue.tryEmitComplete();
    }

    Flux<RunEvent> events() {
        return queue.asFlux();
    }
}
