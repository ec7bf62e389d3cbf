package io.reconcraft.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One read of a run's event stream until the gateway ends it, as a browser's EventSource reads it, with
 * a deadline: a stream that does not end is reported with what it had received instead of holding the bench up.
 */
final class EventStreamRead {

    /** Far above any demo run's length even on a saturated stack. */
    static final Duration DEADLINE = Duration.ofSeconds(120);

    /** How the read ended: the HTTP status, the events received and the id of the last one. */
    record Outcome(int status, boolean ended, int events, String lastEventId, Duration deadline) {

        String describe(String runId) {
            return "event stream of run " + runId + " did not end within " + deadline.toSeconds() + " s (HTTP "
                    + status + ", " + events + " events, the last with id " + lastEventId + ")";
        }
    }

    private EventStreamRead() {
    }

    static Outcome of(HttpClient http, String api, String key, String runId, Duration deadline) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/runs/" + runId + "/events"))
                .header("X-API-Key", key).header("Accept", "text/event-stream").build();
        LineCounter lines = new LineCounter();
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request,
                HttpResponse.BodyHandlers.fromLineSubscriber(lines));
        try {
            int status = response.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return new Outcome(status, true, lines.events.get(), lines.lastId.get(), deadline);
        } catch (TimeoutException stuck) {
            response.cancel(true);
            // events arrived, so the stream was open (200) though it never ended
            int status = lines.events.get() > 0 ? 200 : 0;
            return new Outcome(status, false, lines.events.get(), lines.lastId.get(), deadline);
        }
    }

    /** Counts the stream's events and keeps the last event id, line by line. */
    private static final class LineCounter implements Flow.Subscriber<String> {

        private final AtomicInteger events = new AtomicInteger();
        private final AtomicReference<String> lastId = new AtomicReference<>("none");

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("id:")) {
                events.incrementAndGet();
                lastId.set(line.substring(3).strip());
            }
        }

        @Override
        public void onError(Throwable failure) {
        }

        @Override
        public void onComplete() {
        }
    }
}
