package io.reconcraft.notifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Answers queued responses in order, like MockWebServer's own queue, and notes when each request arrived. */
final class ArrivalTimes extends Dispatcher {

    private final ConcurrentLinkedQueue<MockResponse> responses = new ConcurrentLinkedQueue<>();
    private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();

    void enqueue(MockResponse response) {
        responses.add(response);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        arrivalNanos.add(System.nanoTime());
        MockResponse next = responses.poll();
        return next != null ? next : new MockResponse.Builder().code(503).body("no response queued").build();
    }

    int count() {
        return arrivalNanos.size();
    }

    Duration gapBetween(int first, int second) {
        return Duration.ofNanos(arrivalNanos.get(second) - arrivalNanos.get(first));
    }
}
