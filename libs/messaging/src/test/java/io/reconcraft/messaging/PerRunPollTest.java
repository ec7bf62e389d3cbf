package io.reconcraft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class PerRunPollTest {

    private final PerRunPoll poll = new PerRunPoll("test-workers", 4);

    @AfterEach
    void close() {
        poll.close();
    }

    @Test
    void givenInterleavedRunsAndEventsNotForUs_whenApplied_thenEachRunsRelevantEventsAreAppliedInPollOrder() {
        List<ConsumerRecord<String, EventEnvelope>> records = records(
                "run-a:1", "run-b:1", "run-a:skip", "run-a:2", "run-c:1", "run-b:2", "run-a:3");
        Map<String, List<String>> applied = new ConcurrentHashMap<>();

        poll.apply(records, PerRunPollTest::relevant,
                event -> applied.computeIfAbsent(event.runId(), run -> new CopyOnWriteArrayList<>()).add(label(event)));

        assertThat(applied).containsOnlyKeys("run-a", "run-b", "run-c");
        assertThat(applied.get("run-a")).containsExactly("1", "2", "3");
        assertThat(applied.get("run-b")).containsExactly("1", "2");
        assertThat(applied.get("run-c")).containsExactly("1");
    }

    @Test
    void givenTwoRuns_whenTheFirstRunsEventWaitsForTheSecondRuns_thenBothAreAppliedSideBySide() {
        // Applied one after the other, run-a's event would wait for run-b's forever; the latch's limit turns that
        // into a failed assertion instead of a hang.
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Boolean> sawTheOther = new CopyOnWriteArrayList<>();

        poll.apply(records("run-a:1", "run-b:1"), PerRunPollTest::relevant, event -> {
            bothStarted.countDown();
            try {
                sawTheOther.add(bothStarted.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(sawTheOther).containsExactly(true, true);
    }

    @Test
    void givenARunWithSeveralEvents_whenAppliedWithAHandlerPerRun_thenTheyAreHandedTogetherInPollOrder() {
        Map<String, List<String>> together = new ConcurrentHashMap<>();
        List<String> alone = new CopyOnWriteArrayList<>();

        poll.apply(records("run-a:1", "run-b:1", "run-a:skip", "run-a:2"), PerRunPollTest::relevant,
                events -> together.put(events.get(0).runId(), events.stream().map(PerRunPollTest::label).toList()),
                event -> alone.add(event.runId() + ":" + label(event)));

        assertThat(together).containsOnly(Map.entry("run-a", List.of("1", "2")));
        assertThat(alone).containsExactly("run-b:1");
    }

    @Test
    void givenARunsEventsThatCannotBeAppliedTogether_whenApplied_thenTheyAreAppliedOneAtATimeAndTheFailingOneReported() {
        List<String> alone = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> poll.apply(records("run-a:1", "run-a:fail", "run-a:after"), PerRunPollTest::relevant,
                events -> {
                    throw new IllegalStateException("not together");
                },
                event -> {
                    if (label(event).equals("fail")) {
                        throw new IllegalStateException("cannot apply " + event.runId());
                    }
                    alone.add(label(event));
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(alone).containsExactly("1");
    }

    @Test
    void givenTwoRunsFailing_whenApplied_thenTheEarliestFailingRecordIsReportedAndAFailedRunStopsAtItsFailure() {
        List<ConsumerRecord<String, EventEnvelope>> records = records(
                "run-a:1", "run-b:1", "run-a:fail", "run-b:fail", "run-a:after");
        List<String> applied = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> poll.apply(records, PerRunPollTest::relevant, event -> {
            if (label(event).equals("fail")) {
                throw new IllegalStateException("cannot apply " + event.runId());
            }
            applied.add(event.runId() + ":" + label(event));
        }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).hasMessage("cannot apply run-a");
                });
        assertThat(applied).containsExactlyInAnyOrder("run-a:1", "run-b:1");
    }

    @Test
    void givenOneWorker_whenRunsInterleave_thenEverythingIsAppliedInPollOrderUntilTheFirstFailure() {
        try (PerRunPoll single = new PerRunPoll("single", 1)) {
            List<String> applied = new ArrayList<>();
            List<ConsumerRecord<String, EventEnvelope>> records = records("run-b:1", "run-a:1", "run-b:fail", "run-a:2");

            assertThatThrownBy(() -> single.apply(records, PerRunPollTest::relevant, event -> {
                if (label(event).equals("fail")) {
                    throw new IllegalStateException("refused");
                }
                applied.add(event.runId() + ":" + label(event));
            })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2));
            assertThat(applied).containsExactly("run-b:1", "run-a:1");
        }
    }

    private static boolean relevant(EventEnvelope event) {
        return !label(event).equals("skip");
    }

    private static String label(EventEnvelope event) {
        return ((StepLog) event.payload()).lines().get(0);
    }

    /** Each spec is {@code runId:label}; the label is the only log line of the event. */
    private static List<ConsumerRecord<String, EventEnvelope>> records(String... specs) {
        List<ConsumerRecord<String, EventEnvelope>> records = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = spec.split(":");
            EventEnvelope event = EventEnvelope.of(parts[0], new StepLog(parts[0] + ":n1", "n1", 1, List.of(parts[1])));
            records.add(new ConsumerRecord<>("run-events", 0, records.size(), parts[0], event));
        }
        return records;
    }
}
