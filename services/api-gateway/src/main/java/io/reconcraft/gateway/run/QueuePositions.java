package io.reconcraft.gateway.run;

import io.reconcraft.gateway.store.RunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where each queued run stands in its admission group's queue: the queued runs of the group accepted before it, plus
 * one (the orchestrator admits a group's runs in the order they were accepted).
 *
 * <p>Clients poll a queued run several times a second, and counting the runs ahead of it for every read examined the
 * whole queued part of the group each time (111 stored documents per finished run with 32 clients polling every
 * 100 ms). Instead one query lists a group's queued runs in order, and the reads of the next {@link #REUSE} take
 * their places from it: a place shown is at most that old. A run the list does not hold (accepted after it was
 * taken) takes a new list, shared by every read waiting for one; a run not even in a list taken after it was read is
 * counted the exact way.
 */
@Component
public class QueuePositions {

    static final Duration REUSE = Duration.ofMillis(250);
    private static final int GROUPS_KEPT = 256;

    /** The two reads of the run store this needs. */
    interface QueuedRuns {

        /** The ids of the group's queued runs, first accepted first. */
        Flux<String> inOrder(String admissionGroup);

        /** How many of the group's queued runs were accepted before {@code startedAt}. */
        Mono<Long> countBefore(String admissionGroup, Instant startedAt);
    }

    private final QueuedRuns queued;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Listing> listings = new ConcurrentHashMap<>();

    @Autowired
    public QueuePositions(RunStore runs) {
        this(new QueuedRuns() {
            @Override
            public Flux<String> inOrder(String admissionGroup) {
                return runs.queuedInOrder(admissionGroup);
            }

            @Override
            public Mono<Long> countBefore(String admissionGroup, Instant startedAt) {
                return runs.countQueuedBefore(admissionGroup, startedAt);
            }
        }, System::nanoTime);
    }

    QueuePositions(QueuedRuns queued, LongSupplier nanoTime) {
        this.queued = queued;
        this.nanoTime = nanoTime;
    }

    /** The run's place in its group's queue (1 = next); the run must be queued, with a group and a start time. */
    public Mono<Integer> placeOf(RunView run) {
        long readAt = nanoTime.getAsLong();
        Listing listing = listings.get(run.admissionGroup());
        if (listing != null && listing.isFresh(readAt)) {
            return listing.places().flatMap(places -> {
                Integer place = places.get(run.id());
                return place != null ? Mono.just(place) : fromListTakenAfter(run, readAt);
            });
        }
        return fromListTakenAfter(run, readAt);
    }

    private Mono<Integer> fromListTakenAfter(RunView run, long readAt) {
        return listingTakenAfter(run.admissionGroup(), readAt).places().flatMap(places -> {
            Integer place = places.get(run.id());
            return place != null ? Mono.just(place)
                    : queued.countBefore(run.admissionGroup(), run.startedAt()).map(ahead -> (int) (ahead + 1));
        });
    }

    /** The group's listing if it was requested at or after {@code readAt}, else a new one that every caller shares. */
    private Listing listingTakenAfter(String group, long readAt) {
        if (listings.size() > GROUPS_KEPT) {
            long now = nanoTime.getAsLong();
            listings.values().removeIf(listing -> !listing.isFresh(now));
        }
        return listings.compute(group, (key, current) -> current != null && current.requestedAt() - readAt >= 0
                ? current : take(key));
    }

    private Listing take(String group) {
        long requestedAt = nanoTime.getAsLong();
        Mono<Map<String, Integer>> places = queued.inOrder(group).collectList().map(QueuePositions::placesOf)
                .doOnError(failure -> listings.remove(group))
                .cache();
        return new Listing(requestedAt, places);
    }

    private static Map<String, Integer> placesOf(List<String> ids) {
        Map<String, Integer> places = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            places.put(ids.get(i), i + 1);
        }
        return places;
    }

    /** One listing of a group's queue: when it was requested (it holds every run accepted before), and its places. */
    private record Listing(long requestedAt, Mono<Map<String, Integer>> places) {

        boolean isFresh(long now) {
            return now - requestedAt < REUSE.toNanos();
        }
    }
}
