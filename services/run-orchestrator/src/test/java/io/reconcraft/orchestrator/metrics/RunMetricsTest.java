package io.reconcraft.orchestrator.metrics;

import io.reconcraft.events.model.StepOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.EventPayload;
import io.reconcraft.events.EventTypes;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunMode;
import io.reconcraft.events.model.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RunMetrics metrics = new RunMetrics(registry);

    @Test
    void givenAStepRequestedStartedAndCompleted_whenSeen_thenQueueTimeAndDurationAreTheGapsBetweenTheirEvents() {
        metrics.published(event("r1", T0, new StepRequested("s1", "scan", "nmap", "Scan", null, List.of(), RunMode.DEMO,
                null, 1, 60, null)));
        metrics.consumed(event("r1", T0.plusSeconds(2), new StepStarted("s1", "scan", 1, "w1")));
        metrics.consumed(event("r1", T0.plusSeconds(7), new StepCompleted("s1", "scan", 1, RunStatus.FAILED, StepOutcome.TIMEOUT,
                "too slow", null, null)));

        assertThat(registry.get(RunMetrics.QUEUE_TIME).tag("kind", "nmap").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(2.0);
        assertThat(registry.get(RunMetrics.STEP_DURATION).tags("kind", "nmap", "outcome", "timeout").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(5.0);
    }

    @Test
    void givenAScheduledRun_whenItEnds_thenItIsCountedUnderItsStatusAndTrigger() {
        metrics.consumed(event("r2", T0, new RunRequested(null, List.of("127.0.0.1"), RunMode.DEMO, null, "schedule:nightly")));
        metrics.consumed(event("r2", T0.plusSeconds(9), new RunCompleted(RunStatus.SUCCEEDED, null, null, null)));

        assertThat(registry.get(RunMetrics.RUNS).tags("status", "queued", "trigger", "schedule").counter().count()).isEqualTo(1);
        assertThat(registry.get(RunMetrics.RUNS).tags("status", "succeeded", "trigger", "schedule").counter().count()).isEqualTo(1);
        assertThat(registry.get(RunMetrics.RUNS).tags("status", "succeeded", "trigger", "api").counter().count()).isZero();
    }

    @Test
    void givenACompletionWhoseStartWasNeverSeen_whenSeen_thenNothingIsRecordedAndNothingFails() {
        metrics.consumed(event("r3", T0, new StepCompleted("s9", "x", 1, RunStatus.SUCCEEDED, null, null, null, null)));

        assertThat(registry.find(RunMetrics.STEP_DURATION).timers()).isEmpty();
    }

    private static EventEnvelope event(String runId, Instant at, EventPayload payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), EventTypes.nameOf(payload), runId, at, 1, payload);
    }
}
