package io.reconcraft.gateway.stream;

import io.reconcraft.gateway.store.RunEventJournal;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The events of one run for one client: first every stored event after the client's last one, then live ones.
 * The client listens BEFORE storage is read, and events are stored before they are delivered live, so nothing
 * falls between the two; an event seen both ways is passed on once (numbers only go up).
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
            Flux<RunEvent> events = journal.ended(runId).flatMapMany(ended -> {
                Flux<RunEvent> stored = journal.after(runId, lastSeen);
                // An ended run's story is complete in storage (retrying it would make it running again).
                return ended ? stored : stored.concatWith(live.events()).takeUntil(RunEvent::terminal);
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
