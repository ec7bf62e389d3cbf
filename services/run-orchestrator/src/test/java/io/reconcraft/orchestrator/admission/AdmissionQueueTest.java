package io.reconcraft.orchestrator.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionQueueTest {

    @Test
    void givenABacklogWithRunsGoing_whenAnotherGroupQueuesARun_thenThatRunIsNext() {
        AdmissionQueue queue = new AdmissionQueue();
        for (int i = 1; i <= 1000; i++) {
            queue.add("backlog-" + i, "ops/schedule");
        }
        queue.add("interactive", "alice/api");

        assertThat(queue.next(Map.of("ops/schedule", 64)).orElseThrow().runId()).isEqualTo("interactive");
        assertThat(queue.next(Map.of("ops/schedule", 64, "alice/api", 1)).orElseThrow().runId()).isEqualTo("backlog-1");
    }

    @Test
    void givenOneGroup_whenDrained_thenRunsComeInTheOrderTheyWereQueued() {
        AdmissionQueue queue = new AdmissionQueue();
        queue.add("a", "g");
        queue.add("b", "g");
        queue.add("c", "g");

        assertThat(drain(queue, 4)).containsExactly("a", "b", "c");
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void givenARunAlreadyWaiting_whenQueuedAgain_thenItIsAdmittedOnce() {
        AdmissionQueue queue = new AdmissionQueue();
        assertThat(queue.add("a", "g")).isTrue();

        assertThat(queue.add("a", "g")).isFalse();

        assertThat(drain(queue, 3)).containsExactly("a");
    }

    @Test
    void givenThreeGroups_whenDrained_thenTheyAreServedInTurn() {
        AdmissionQueue queue = new AdmissionQueue();
        queue.add("a1", "a");
        queue.add("a2", "a");
        queue.add("a3", "a");
        queue.add("b1", "b");
        queue.add("c1", "c");
        queue.add("c2", "c");

        assertThat(drain(queue, 6)).containsExactly("a1", "b1", "c1", "a2", "c2", "a3");
    }

    private static List<String> drain(AdmissionQueue queue, int most) {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            queue.next(Map.of()).ifPresent(waiting -> order.add(waiting.runId()));
        }
        return order;
    }
}
