package io.reconcraft.toolrunner.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.StepLog;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.model.NodeKind;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.messaging.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PublishedStepLogTest {

    private final List<EventEnvelope> sent = new ArrayList<>();
    private int refusing = -1;

    /** A broker that takes every batch except the {@code refusing}-th (counted from 0). */
    private final EventPublisher publisher = new EventPublisher(null) {
        @Override
        public CompletableFuture<EventEnvelope> publishAsync(EventEnvelope event) {
            boolean refused = sent.size() == refusing;
            sent.add(event);
            return refused ? CompletableFuture.failedFuture(new IllegalStateException("broker refused the batch"))
                    : CompletableFuture.completedFuture(event);
        }
    };

    private final PublishedStepLog log = new PublishedStepLog(publisher, "run-1", step(), 2);

    @Test
    void givenFiveLinesInBatchesOfTwo_whenAllWereSent_thenThreeStepLogsCarryThemInOrder() {
        List.of("a", "b", "c", "d", "e").forEach(log::line);

        log.awaitSent();

        assertThat(sent).extracting(event -> ((StepLog) event.payload()).lines())
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(sent).allSatisfy(event -> assertThat(event.runId()).isEqualTo("run-1"));
    }

    @Test
    void givenABatchTheBrokerRefused_whenTheStepWaitsForItsLog_thenItLearnsOfIt() {
        refusing = 1;
        List.of("a", "b", "c", "d", "e").forEach(log::line);

        assertThatThrownBy(log::awaitSent).isInstanceOf(EventPublisher.EventPublishingException.class)
                .hasMessageContaining("StepLog");
        assertThat(sent).as("later batches were still sent: the watcher sees what arrived").hasSize(3);
    }

    private static StepRequested step() {
        return new StepRequested("run-1:nmap", "nmap", NodeKind.NMAP, "Port scan", Map.of(), List.of("127.0.0.1"),
                RunMode.DEMO, null, 1, 60, List.of());
    }
}
