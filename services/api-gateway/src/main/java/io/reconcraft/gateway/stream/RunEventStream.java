package io.reconcraft.gateway.stream;

import io.reconcraft.gateway.store.RunEventJournal;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The events of one run for one client: first every stored event after the client's last one up to the last one
 * its view holds, then live ones. The client listens BEFORE the view and storage are read, and events are stored and
 * their view written before they are delivered live, so nothing falls between the two; an event seen both ways is
 * passed on once (numbers only go up).
 */
@Component
@RequiredArgsConstructor
public class RunEventStream {

    private final RunEventJournal journal;
    private final RunEventListenerRegistry listeners;
    private final SseProperties properties;

    /** Completes after the run's final event, or right after the replay when the run had already ended. */
    public Flux<RunEvent> of(String runId, long lastSeen) {
        return Flux.defer(() -> {
            BoundedListener live = new BoundedListener(properties.subscriberBuffer());
            listeners.listen(runId, live);
            AtomicLong last = new AtomicLong(lastSeen);
            Flux<RunEvent> events = journal.progress(runId).flatMapMany(progress -> {
                if (progress.ended()) {
                    // An ended run's story is complete in storage (retrying it would make it running again).
                    return journal.after(runId, lastSeen);
                }
                // Stored events beyond the view's number come live once the view is written: a stream ended by one
                // of them would send its client to read a view that has not ended yet.
                return journal.between(runId, lastSeen, progress.eventSeq()).concatWith(live.events())
                        .takeUntil(RunEvent::terminal);
            });
            return events.filter(event -> advance(last, event))
                    .doFinally(signal -> listeners.stopListening(runId, live));
        });
    }

    /** Status changes of every run, live only (their ids are per run, so there is nothing to resume). */
    public Flux<RunEvent> allRuns() {
        return Flux.defer(() -> {
            BoundedListener live = new BoundedListener(properties.subscriberBuffer());
            listeners.listenToAllRuns(live);
            return live.events().doFinally(signal -> listeners.stopListeningToAllRuns(live));
        });
    }

    private static boolean advance(AtomicLong last, RunEvent event) {
        long seen = last.get();
        if (event.seq() <= seen) {
            return false;
        }
        last.set(event.seq());
        return true;
    }
}
