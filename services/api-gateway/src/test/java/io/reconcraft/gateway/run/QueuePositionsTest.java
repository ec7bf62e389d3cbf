package io.reconcraft.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Queue places come from one listing of a group's queue, reused briefly, and are never those of an older queue. */
class QueuePositionsTest {

    private static final String GROUP = "key-1/api";
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final Map<String, Instant> queue = new LinkedHashMap<>();
    private final List<String> listings = new ArrayList<>();
    private final List<String> counts = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final QueuePositions positions = new QueuePositions(new QueuePositions.QueuedRuns() {
        @Override
        public Flux<String> inOrder(String admissionGroup) {
            return Flux.defer(() -> {
                listings.add(admissionGroup);
                return Flux.fromIterable(List.copyOf(queue.keySet()));
            });
        }

        @Override
        public Mono<Long> countBefore(String admissionGroup, Instant startedAt) {
            return Mono.fromSupplier(() -> {
                counts.add(admissionGroup);
                return queue.values().stream().filter(started -> started.isBefore(startedAt)).count();
            });
        }
    }, nanos::incrementAndGet); // every reading of the clock is a nanosecond later

    @Test
    void givenAQueueOfThree_whenEachRunIsReadAtOnce_thenOneListingAnswersAllThreeInOrder() {
        RunView first = accepted("r1", 0);
        RunView second = accepted("r2", 1);
        RunView third = accepted("r3", 2);

        List<Integer> places = List.of(placeOf(first), placeOf(second), placeOf(third));

        assertThat(places).containsExactly(1, 2, 3);
        assertThat(listings).hasSize(1);
        assertThat(counts).isEmpty();
    }

    @Test
    void givenAListingTaken_whenARunAcceptedAfterItIsRead_thenANewListingShowsItsPlace() {
        placeOf(accepted("r1", 0));
        RunView later = accepted("r2", 1);

        int place = placeOf(later);

        assertThat(place).isEqualTo(2);
        assertThat(listings).hasSize(2);
    }

    @Test
    void givenARunAheadAdmittedAfterTheListing_whenReadWithinTheReuseWindow_thenTheListingsPlaceIsShown() {
        RunView second = secondListedThenFirstAdmitted();

        nanos.addAndGet(QueuePositions.REUSE.toNanos() - 10);

        assertThat(placeOf(second)).isEqualTo(2);
        assertThat(listings).hasSize(2);
    }

    @Test
    void givenARunAheadAdmitted_whenReadAfterTheReuseWindow_thenANewListingMovesItUp() {
        RunView second = secondListedThenFirstAdmitted();

        nanos.addAndGet(QueuePositions.REUSE.toNanos());

        assertThat(placeOf(second)).isEqualTo(1);
        assertThat(listings).hasSize(3);
    }

    @Test
    void givenARunMissingFromAListingTakenAfterItWasRead_whenRead_thenItsPlaceIsCounted() {
        RunView first = accepted("r1", 0);
        RunView notListed = new RunView("r0", "wf", "Workflow", io.reconcraft.events.model.RunStatus.QUEUED, List.of(),
                RunMode.DEMO, T0.plusMillis(5), null, null, null, List.of(), null, RunTrigger.api(), 0L, null, List.of(),
                GROUP, null);

        int place = placeOf(notListed);

        assertThat(place).isEqualTo(2);
        assertThat(counts).containsExactly(GROUP);
        assertThat(placeOf(first)).isEqualTo(1);
    }

    @Test
    void givenTwoGroups_whenRunsOfEachAreRead_thenEachGroupHasItsOwnQueue() {
        RunView mine = accepted("r1", 0);
        RunView theirs = new RunView("o1", "wf", "Workflow", io.reconcraft.events.model.RunStatus.QUEUED, List.of(),
                RunMode.DEMO, T0.plusMillis(9), null, null, null, List.of(), null, RunTrigger.api(), 0L, null, List.of(),
                "key-2/api", null);

        assertThat(placeOf(mine)).isEqualTo(1);
        queue.clear();
        queue.put("o1", theirs.startedAt());
        assertThat(placeOf(theirs)).isEqualTo(1);
        assertThat(listings).containsExactly(GROUP, "key-2/api");
    }

    /** Two runs listed (two listings), then the first admitted: the second, as its client reads it. */
    private RunView secondListedThenFirstAdmitted() {
        placeOf(accepted("r1", 0));
        RunView second = accepted("r2", 1);
        placeOf(second);
        queue.remove("r1");
        return second;
    }

    private RunView accepted(String id, int millis) {
        Instant startedAt = T0.plusMillis(millis);
        queue.put(id, startedAt);
        return RunView.queued(id, "wf", "Workflow", List.of("127.0.0.1"), RunMode.DEMO, startedAt, List.of(),
                RunTrigger.api(), GROUP);
    }

    private int placeOf(RunView run) {
        return positions.placeOf(run).block();
    }
}
