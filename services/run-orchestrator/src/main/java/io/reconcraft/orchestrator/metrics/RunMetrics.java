package io.reconcraft.orchestrator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reconcraft.events.EventEnvelope;
import io.reconcraft.events.RunCompleted;
import io.reconcraft.events.RunRequested;
import io.reconcraft.events.RunRetryRequested;
import io.reconcraft.events.RunStatusChanged;
import io.reconcraft.events.StepCompleted;
import io.reconcraft.events.StepRequested;
import io.reconcraft.events.StepStarted;
import io.reconcraft.events.model.RunStatus;
import io.reconcraft.messaging.BoundedMaps;
import io.reconcraft.messaging.EventObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs by status and trigger, step duration by kind and outcome, and queue time (StepRequested to
 * StepStarted), from the events the orchestrator already sees: what it consumes and what it publishes.
 * Times are the events' own {@code occurredAt}, so they do not depend on when a record is read.
 * Recording is a map lookup and a meter update: no database call, no extra consumer.
 */
@Component
public class RunMetrics implements EventObserver {

    static final String RUNS = "reconcraft.runs";
    static final String STEP_DURATION = "reconcraft.step.duration";
    static final String QUEUE_TIME = "reconcraft.step.queue.time";
    static final String API = "api";
    static final String SCHEDULE = "schedule";
    static final String RETRY = "retry";
    private static final int REMEMBERED_RUNS = 10_000;
    private static final int REMEMBERED_STEPS = 50_000;

    private final MeterRegistry registry;
    private final Map<String, String> triggers = BoundedMaps.forgettingOldest(REMEMBERED_RUNS);
    private final Map<String, StepTimes> steps = BoundedMaps.forgettingOldest(REMEMBERED_STEPS);

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        // every series exists from the start, so rates and alerts see a 0 rather than nothing
        for (RunStatus status : RunStatus.values()) {
            for (String trigger : new String[] {API, SCHEDULE, RETRY}) {
                runs(status.name().toLowerCase(Locale.ROOT), trigger);
            }
        }
    }

    /** An event the orchestrator read (RunRequested, RunRetryRequested, and everything on run-events). */
    @Override
    public void consumed(EventEnvelope event) {
        if (event.payload() instanceof RunRequested requested) {
            String trigger = triggerOf(requested.requestedBy());
            triggers.put(event.runId(), trigger);
            runs("queued", trigger).increment();
        } else if (event.payload() instanceof RunRetryRequested) {
            triggers.put(event.runId(), RETRY);
            runs("queued", RETRY).increment();
        } else if (event.payload() instanceof RunStatusChanged changed && changed.status() == RunStatus.RUNNING) {
            runs("running", trigger(event.runId())).increment();
        } else if (event.payload() instanceof RunCompleted completed && completed.status() != null) {
            runs(completed.status().name().toLowerCase(Locale.ROOT), trigger(event.runId())).increment();
        } else if (event.payload() instanceof StepStarted started) {
            StepTimes times = steps.get(stepKey(event.runId(), started.stepId(), started.attempt()));
            if (times != null) {
                times.startedAt = event.occurredAt();
                timer(QUEUE_TIME, "kind", times.kind).record(between(times.requestedAt, times.startedAt));
            }
        } else if (event.payload() instanceof StepCompleted completed) {
            StepTimes times = steps.remove(stepKey(event.runId(), completed.stepId(), completed.attempt()));
            if (times != null && times.startedAt != null) {
                String outcome = completed.outcome() != null ? completed.outcome().wire()
                        : completed.status() == null ? "unknown" : completed.status().name().toLowerCase(Locale.ROOT);
                timer(STEP_DURATION, "kind", times.kind, "outcome", outcome)
                        .record(between(times.startedAt, event.occurredAt()));
            }
        }
    }

    /** An event the orchestrator published: the StepRequested that starts a step's queue time. */
    @Override
    public void published(EventEnvelope event) {
        if (event.payload() instanceof StepRequested requested) {
            steps.put(stepKey(event.runId(), requested.stepId(), requested.attempt()),
                    new StepTimes(String.valueOf(requested.kind()), event.occurredAt()));
        }
    }

    private Counter runs(String status, String trigger) {
        return Counter.builder(RUNS).description("Run status changes, by the status reached and what started the run")
                .tag("status", status).tag("trigger", trigger).register(registry);
    }

    private Timer timer(String name, String... tags) {
        return Timer.builder(name).tags(tags).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    private String trigger(String runId) {
        return runId == null ? API : triggers.getOrDefault(runId, API);
    }

    private static String triggerOf(String requestedBy) {
        return requestedBy != null && requestedBy.toLowerCase(Locale.ROOT).startsWith(SCHEDULE) ? SCHEDULE : API;
    }

    private static String stepKey(String runId, String stepId, int attempt) {
        return runId + '/' + stepId + '#' + attempt;
    }

    private static Duration between(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static final class StepTimes {
        final String kind;
        final Instant requestedAt;
        volatile Instant startedAt;

        StepTimes(String kind, Instant requestedAt) {
            this.kind = kind == null ? "unknown" : kind;
            this.requestedAt = requestedAt;
        }
    }
}
